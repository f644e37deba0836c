// Port-forward to a Service against a real API server, through kwok's kubelet (its ClusterPortForward
// sends every pod port to a small HTTP server this test runs): the named target port resolved as
// kubectl resolves it, a request through the local port, another ready pod when the first goes away,
// a plain reason when there is none, and stop.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortForwardInfo } from '../../electron/api/types';
import type { PortolanCore } from '../../electron/core/portolan-core';
import { connectedCore, eventually, testClusters, uniqueNamespace } from './clusters';
import { fetchOnce } from '../support/fetch-once';

const set = testClusters();
const [a] = set.clusters;
let core: PortolanCore;
let namespace: string;
let server: Server;
const seen: PortForwardInfo[][] = [];

beforeAll(async () => {
  core = await connectedCore(set.kubeconfig, 'portolan-a');
  core.events.listen((event, payload) => {
    if (event === 'portForwards') seen.push(payload as PortForwardInfo[]);
  });
  namespace = uniqueNamespace('forward');
  server = createServer((request, response) => response.end(`hello ${request.url}`));
  await new Promise<void>((resolve) => server.listen(a!.state.portForwardTarget, '127.0.0.1', resolve));
  await a!.kubectl(['create', 'namespace', namespace]);
  await a!.kubectl(['apply', '-n', namespace, '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'List', items: [
      {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
        spec: {
          replicas: 2, selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }] } },
        },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } },
    ],
  }));
  await readyPods(2);
});
afterAll(async () => {
  await core.dispose();
  server.close();
});

async function readyPods(count: number): Promise<string[]> {
  return eventually(`${count} ready pods`, async () => {
    const pods = JSON.parse(await a!.kubectl(['get', 'pods', '-n', namespace, '-l', 'app=web', '-o', 'json'])) as {
      items: Array<{ metadata: { name: string; deletionTimestamp?: string }; status: { conditions?: Array<{ type: string; status: string }> } }>;
    };
    const ready = pods.items.filter((p) => !p.metadata.deletionTimestamp && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    return ready.length === count && pods.items.length === count ? ready.map((p) => p.metadata.name) : undefined;
  }, 60_000);
}

/** kubectl port-forward svc/web's own words on where it forwards ("Forwarding from 127.0.0.1:N -> 8080"). */
function kubectlTarget(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(a!.binaries.kubectl, [`--kubeconfig=${a!.state.adminKubeconfig}`, 'port-forward', '-n', namespace, 'svc/web', '0:80']);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /-> (\d+)/.exec(out);
      if (match) {
        child.kill();
        resolve(match[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`kubectl port-forward ended: ${out}`)));
  });
}

const refused = (port: number): Promise<boolean> => new Promise((resolve) => {
  const socket = connect(port, '127.0.0.1');
  socket.on('connect', () => { socket.destroy(); resolve(false); });
  socket.on('error', () => resolve(true));
});

describe('port-forward to a Service', () => {
  it('resolves the named target port as kubectl does, and answers through the local port', async () => {
    const result = await core.handlers.startPortForward({ context: 'portolan-a', namespace, service: 'web', port: 80 });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const forward = result.forward;
    expect(String(forward.targetPort)).toBe(await kubectlTarget());
    expect(forward).toMatchObject({ state: 'active', url: `http://127.0.0.1:${forward.localPort}` });
    expect(await fetchOnce(`${forward.url}/first`)).toBe('hello /first');
    expect((await core.handlers.listPortForwards(undefined)).map((f) => f.id)).toEqual([forward.id]);
    expect(seen.at(-1)?.map((f) => f.id)).toEqual([forward.id]);

    // The pod it forwards to goes away: the next connection goes to the other ready pod.
    await a!.kubectl(['delete', 'pod', forward.pod!, '-n', namespace, '--wait=true']);
    const others = await readyPods(2);
    expect(await fetchOnce(`${forward.url}/second`)).toBe('hello /second');
    const now = (await core.handlers.listPortForwards(undefined))[0]!;
    expect(now.pod).not.toBe(forward.pod);
    expect(others).toContain(now.pod);

    // No ready pod: the connection is refused and the forward says why.
    await a!.kubectl(['scale', 'deployment', 'web', '--replicas=0', '-n', namespace]);
    await eventually('no pods', async () => ((await a!.kubectl(['get', 'pods', '-n', namespace, '-o', 'name'])) === '' ? true : undefined), 60_000);
    await expect(fetchOnce(`${forward.url}/third`)).rejects.toThrow();
    expect((await core.handlers.listPortForwards(undefined))[0]).toMatchObject({ state: 'waiting', pod: null, problem: { code: 'portForward.noReadyPod', params: { selector: 'app=web' } } });

    await core.handlers.stopPortForward({ id: forward.id });
    expect(await core.handlers.listPortForwards(undefined)).toEqual([]);
    expect(await refused(forward.localPort)).toBe(true);
  }, 120_000);

  it('says why it cannot forward: no selector, no such port, a local port in use', async () => {
    expect(await core.handlers.startPortForward({ context: 'portolan-a', namespace, service: 'manual', port: 80 }))
      .toEqual({ ok: false, explanation: { code: 'portForward.noSelector', params: { service: 'manual' } } });
    expect(await core.handlers.startPortForward({ context: 'portolan-a', namespace, service: 'web', port: 81 }))
      .toEqual({ ok: false, explanation: { code: 'portForward.noPort', params: { service: 'web', port: '81' } } });
    const taken = await core.handlers.startPortForward({ context: 'portolan-a', namespace, service: 'web', port: 80, localPort: a!.state.portForwardTarget });
    expect(taken).toMatchObject({ ok: false, explanation: { code: 'portForward.localPort' } });
  });
});
