// Which pod a port forward to a Service goes to, as kubectl chooses it: a ready pod behind the
// selector (not terminating), and the container port the Service port's target port names (a number
// as it is, a name looked up in the pod's containers, none meaning the Service port). Pure.
import type { Explanation } from '../../api/types';

export interface ServiceObject {
  metadata?: { name?: string };
  spec?: { selector?: Record<string, string>; ports?: Array<{ port: number; targetPort?: number | string; protocol?: string }> };
}

export interface PodObject {
  metadata: { name: string; deletionTimestamp?: string };
  spec?: { containers?: Array<{ ports?: Array<{ name?: string; containerPort: number }> }> };
  status?: { phase?: string; conditions?: Array<{ type: string; status: string }> };
}

export type PodChoice = { ok: true; pod: string; port: number } | { ok: false; explanation: Explanation };

const ready = (pod: PodObject): boolean =>
  !pod.metadata.deletionTimestamp && pod.status?.phase === 'Running' && pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;

export function pickReadyPod(service: ServiceObject, servicePort: number, pods: PodObject[]): PodChoice {
  const name = service.metadata?.name ?? '';
  const port = service.spec?.ports?.find((p) => p.port === servicePort);
  if (!port) return { ok: false, explanation: { code: 'portForward.noPort', params: { service: name, port: String(servicePort) } } };
  const selector = Object.entries(service.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const candidates = pods.filter(ready).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const pod = candidates[0];
  if (!pod) return { ok: false, explanation: { code: 'portForward.noReadyPod', params: { selector } } };
  const target = port.targetPort;
  if (typeof target === 'string' && !/^\d+$/.test(target)) {
    const found = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((p) => p.name === target);
    if (!found) return { ok: false, explanation: { code: 'portForward.noNamedPort', params: { pod: pod.metadata.name, name: target } } };
    return { ok: true, pod: pod.metadata.name, port: found.containerPort };
  }
  const number = target === undefined || target === 0 || target === '' ? port.port : Number(target);
  return { ok: true, pod: pod.metadata.name, port: number };
}
