// Port forwards to Services, as `kubectl port-forward svc/NAME` makes them: a local port on 127.0.0.1;
// each connection goes to a ready pod behind the Service's selector, at the container port its target
// port names, over the API server's port-forward WebSocket. When that pod goes away, the next
// connection picks another ready one; with none, the forward says why and waits. All forwards are
// listed in one place and stopped there.
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type WebSocket from 'ws';
import type { Explanation, PortForwardInfo, PortForwardResult } from '../../api/types';
import type { ConnectionManager } from '../clusters/connection-manager';
import { Emitter } from '../../api/emitter';
import { resourcePath, servicesRef } from '../watch/resource-ref';
import { pickReadyPod, type PodObject, type ServiceObject } from './pod-choice';

/** The WebSocket port-forward protocol: each message is [channel][bytes]; 0 is data and 1 errors of the one port. */
const PROTOCOLS = ['v4.channel.k8s.io'];

export interface PortForwardRequest { context: string; namespace: string; service: string; port: number; localPort?: number }

interface Forward { info: PortForwardInfo; server: Server; sockets: Set<Socket> }

export class PortForwards {
  private readonly forwards = new Map<string, Forward>();
  private readonly changed = new Emitter<[PortForwardInfo[]]>();
  private readonly connections: ConnectionManager;

  constructor(connections: ConnectionManager) {
    this.connections = connections;
  }

  /** Every change to the list (a forward started, stopped, changed pod or state). */
  onChange(listener: (list: PortForwardInfo[]) => void): () => void {
    return this.changed.on(listener);
  }

  list(): PortForwardInfo[] {
    return [...this.forwards.values()].map((f) => ({ ...f.info }));
  }

  async start(request: PortForwardRequest): Promise<PortForwardResult> {
    const service = await this.get<ServiceObject>(request.context, resourcePath(servicesRef(request.namespace), request.service));
    const port = service.spec?.ports?.find((p) => p.port === request.port);
    if (!port) return fail('portForward.noPort', { service: request.service, port: String(request.port) });
    if (!service.spec?.selector || Object.keys(service.spec.selector).length === 0) return fail('portForward.noSelector', { service: request.service });
    const server = createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(request.localPort ?? 0, '127.0.0.1', resolve);
      });
    } catch (error) {
      return fail('portForward.localPort', { port: String(request.localPort ?? 0), detail: (error as Error).message });
    }
    const localPort = (server.address() as { port: number }).port;
    const forward: Forward = {
      server, sockets: new Set(),
      info: {
        id: randomUUID(), context: request.context, namespace: request.namespace, service: request.service, servicePort: request.port,
        localPort, url: `http://127.0.0.1:${localPort}`, pod: null, targetPort: null, state: 'waiting', problem: null, connections: 0,
      },
    };
    this.forwards.set(forward.info.id, forward);
    server.on('connection', (socket) => void this.connect(forward, socket));
    await this.choosePod(forward, service);
    this.publish();
    return { ok: true, forward: { ...forward.info } };
  }

  async stop(id: string): Promise<void> {
    const forward = this.forwards.get(id);
    if (!forward) return;
    this.forwards.delete(id);
    for (const socket of forward.sockets) socket.destroy();
    await new Promise<void>((resolve) => forward.server.close(() => resolve()));
    this.publish();
  }

  /** Stops every forward of a context (it was disconnected or removed), or all of them. */
  async stopAll(context?: string): Promise<void> {
    await Promise.all([...this.forwards.values()].filter((f) => context === undefined || f.info.context === context).map((f) => this.stop(f.info.id)));
  }

  /**
   * Picks a ready pod behind the Service (again) and the container port its target port names; the
   * Service is read anew unless the caller just read it.
   */
  private async choosePod(forward: Forward, known?: ServiceObject): Promise<boolean> {
    const { context, namespace, service: name, servicePort } = forward.info;
    try {
      const service = known ?? await this.get<ServiceObject>(context, resourcePath(servicesRef(namespace), name));
      const selector = Object.entries(service.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      const pods = await this.get<{ items?: PodObject[] }>(context, resourcePath({ group: '', version: 'v1', plural: 'pods', namespace }), { labelSelector: selector });
      const choice = pickReadyPod(service, servicePort, pods.items ?? []);
      Object.assign(forward.info, choice.ok
        ? { pod: choice.pod, targetPort: choice.port, state: 'active', problem: null }
        : { pod: null, targetPort: null, state: 'waiting', problem: choice.explanation });
      return choice.ok;
    } catch (error) {
      Object.assign(forward.info, { pod: null, targetPort: null, state: 'waiting', problem: { code: 'server.said', params: { detail: (error as Error).message } } });
      return false;
    }
  }

  private async connect(forward: Forward, socket: Socket): Promise<void> {
    forward.sockets.add(socket);
    socket.pause();
    socket.on('close', () => {
      forward.sockets.delete(socket);
      forward.info.connections = forward.sockets.size;
      this.publish();
    });
    forward.info.connections = forward.sockets.size;
    // The pod chosen before may be gone: one new choice, then the connection is refused.
    let stream = forward.info.pod ? await this.open(forward).catch(() => null) : null;
    if (!stream && await this.choosePod(forward)) stream = await this.open(forward).catch(() => null);
    this.publish();
    if (!stream || !this.forwards.has(forward.info.id)) {
      stream?.terminate();
      socket.destroy();
      return;
    }
    pipe(socket, stream);
  }

  private async open(forward: Forward): Promise<WebSocket> {
    const { context, namespace, pod, targetPort } = forward.info;
    const path = `${resourcePath({ group: '', version: 'v1', plural: 'pods', namespace }, pod!)}/portforward?ports=${targetPort}`;
    return this.connections.connection(context).client.webSocket(path, PROTOCOLS);
  }

  private get<T>(context: string, path: string, query?: Record<string, string>): Promise<T> {
    return this.connections.connection(context).client.json<T>('GET', path, query ? { query } : {});
  }

  private publish(): void {
    this.changed.emit(this.list());
  }
}

const fail = (code: Explanation['code'], params: Record<string, string>): PortForwardResult => ({ ok: false, explanation: { code, params } });

/** Joins a local socket and a port-forward WebSocket until either ends. */
function pipe(socket: Socket, stream: WebSocket): void {
  const seenPortHeader = new Set<number>();
  stream.on('message', (data: Buffer) => {
    const channel = data[0];
    let payload = data.subarray(1);
    // The first message of each channel starts with the port number (2 bytes).
    if (channel !== undefined && !seenPortHeader.has(channel)) {
      seenPortHeader.add(channel);
      payload = payload.subarray(2);
    }
    if (channel === 0 && payload.length) socket.write(payload);
    if (channel === 1 && payload.length) socket.destroy(new Error(payload.toString()));
  });
  stream.on('close', () => socket.end());
  stream.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => stream.send(Buffer.concat([Buffer.from([0]), chunk])));
  socket.on('end', () => stream.close());
  socket.on('error', () => stream.terminate());
  socket.on('close', () => stream.terminate());
  socket.resume();
}
