import { describe, expect, it } from 'vitest';
import { pickReadyPod, type PodObject, type ServiceObject } from '../../../electron/core/port-forward/pod-choice';

const service = (targetPort?: number | string): ServiceObject => ({ metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, ...(targetPort === undefined ? {} : { targetPort }) }] } });
const pod = (name: string, ready = true, extra: Partial<PodObject['metadata']> = {}): PodObject => ({
  metadata: { name, ...extra },
  spec: { containers: [{ ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('pickReadyPod', () => {
  it('takes a ready, not terminating pod, first by name', () => {
    expect(pickReadyPod(service(8080), 80, [pod('b'), pod('a', false), pod('c', true, { deletionTimestamp: 'now' })])).toEqual({ ok: true, pod: 'b', port: 8080 });
  });

  it('resolves the target port as kubectl does: a name in the pod, none or 0 meaning the Service port', () => {
    expect(pickReadyPod(service('http'), 80, [pod('a')])).toEqual({ ok: true, pod: 'a', port: 8080 });
    expect(pickReadyPod(service(), 80, [pod('a')])).toEqual({ ok: true, pod: 'a', port: 80 });
    expect(pickReadyPod(service(0), 80, [pod('a')])).toEqual({ ok: true, pod: 'a', port: 80 });
    expect(pickReadyPod(service('grpc'), 80, [pod('a')])).toEqual({ ok: false, explanation: { code: 'portForward.noNamedPort', params: { pod: 'a', name: 'grpc' } } });
  });

  it('says why when there is nothing to forward to', () => {
    expect(pickReadyPod(service(8080), 80, [pod('a', false)])).toEqual({ ok: false, explanation: { code: 'portForward.noReadyPod', params: { selector: 'app=web' } } });
    expect(pickReadyPod(service(8080), 81, [pod('a')])).toEqual({ ok: false, explanation: { code: 'portForward.noPort', params: { service: 'web', port: '81' } } });
  });
});
