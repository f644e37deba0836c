// A TCP proxy in front of a real API server that makes it slow: every chunk in either direction
// waits `delayMs` (TLS passes through untouched, so certificates still match 127.0.0.1), or, with
// `hang`, connections are accepted and never answered. For tests of slow and silent clusters.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LatencyProxy {
  /** https://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, options: { delayMs?: number; hang?: boolean }): Promise<LatencyProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const delayed = (from: Socket, to: Socket): void => {
    from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), options.delayMs ?? 0));
    from.on('end', () => setTimeout(() => to.end(), options.delayMs ?? 0));
  };
  const server: Server = createServer((client) => {
    track(client);
    if (options.hang) return;
    const upstream = connect(Number(port), hostname);
    track(upstream);
    delayed(client, upstream);
    delayed(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `https://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
