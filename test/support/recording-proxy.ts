// A proxy in front of a real API server that records what each client sends: the Authorization
// header, the client certificate (its SHA-256 fingerprint) and the Accept-Encoding header. It
// terminates TLS with the cluster's own serving certificate (so kubeconfigs that trust the cluster's
// CA trust it), asks for a client certificate, and forwards every request to the real server,
// presenting the same certificate when it is one whose key the test knows. With `plain`, it listens
// on http:// instead.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request } from 'node:https';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { ClusterPki } from '../cluster/pki';

export interface RecordedRequest {
  path: string;
  userAgent: string;
  authorization: string | null;
  clientCertificate: string | null;
  /** The Accept-Encoding header, if any. */
  acceptEncoding: string | null;
  status: number;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const fingerprintOf = (pem: string): string => new X509Certificate(pem).fingerprint256;

export async function startRecordingProxy(target: string, pki: ClusterPki, options: { plain?: boolean } = {}): Promise<RecordingProxy> {
  const ca = readFileSync(pki.caCert);
  const known = new Map([[fingerprintOf(readFileSync(pki.adminCert, 'utf8')), { cert: readFileSync(pki.adminCert), key: readFileSync(pki.adminKey) }]]);
  const requests: RecordedRequest[] = [];
  const upstream = new URL(target);

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const peer = options.plain ? null : (req.socket as TLSSocket).getPeerCertificate();
    const raw = peer && 'raw' in peer && peer.raw ? peer.raw : null;
    const clientCertificate = raw ? new X509Certificate(raw).fingerprint256 : null;
    const record: RecordedRequest = {
      path: req.url ?? '', userAgent: String(req.headers['user-agent'] ?? ''),
      authorization: req.headers.authorization ?? null, clientCertificate, acceptEncoding: req.headers['accept-encoding'] ?? null, status: 0,
    };
    requests.push(record);
    const pair = clientCertificate ? known.get(clientCertificate) : undefined;
    const headers = { ...req.headers, host: upstream.host };
    const forward = request({
      host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, ca,
      cert: pair?.cert, key: pair?.key,
    }, (answer) => {
      record.status = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      record.status = 502;
      res.writeHead(502).end(error.message);
    });
    req.pipe(forward);
  };

  const server: Server = options.plain
    ? createHttpServer(handle)
    : createHttpsServer({ cert: readFileSync(pki.serverCert), key: readFileSync(pki.serverKey), requestCert: true, rejectUnauthorized: false }, handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.plain ? 'http' : 'https'}://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

