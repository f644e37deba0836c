// HTTP to one API server with one context's credentials. client-node does the auth (tokens, client
// certificates, basic, exec plugins, OIDC, proxies, TLS options); this class keeps one connection pool
// per context instead of client-node's pool per request, and turns failures into KubeRequestError.
import { RequestContext, type HttpMethod, type KubeConfig } from '@kubernetes/client-node';
import { fetch, type Dispatcher, type Response } from 'undici';
import WebSocket from 'ws';
import { UntrustedPluginError } from '../kubeconfig/exec-credentials';
import type { ExtraAuthorization } from '../kubeconfig/user-credentials';
import { ABORTED } from './abort-reason';
import { KubeRequestError, classifyFailure } from './kube-errors';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Aborts the request (not a stream's body) after this long; default 15 s. */
  timeoutMs?: number;
  /** Collects the server's warnings (its `Warning: 299 - "…"` headers), when given. */
  warnings?: string[];
}

/** The texts of `Warning` headers (RFC 7234, as the API server sends them: 299 - "text"); fetch joins several with ", ". */
export function warningTexts(header: string | null): string[] {
  return [...(header ?? '').matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

export class KubeClient {
  readonly server: string;
  private readonly kubeConfig: KubeConfig;
  private readonly extraAuthorization: ExtraAuthorization | null;
  private readonly compression: boolean;
  private dispatcher: Dispatcher | undefined;
  private dispatcherReady = false;

  /** `compression`: false for a cluster entry with `disable-compression: true`, as kubectl honours it. */
  constructor(kubeConfig: KubeConfig, extraAuthorization: ExtraAuthorization | null = null, compression = true) {
    this.kubeConfig = kubeConfig;
    this.extraAuthorization = extraAuthorization;
    this.compression = compression;
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the context has no cluster');
    this.server = cluster.server.replace(/\/+$/, '');
  }

  /** JSON request; rejects with KubeRequestError on any failure, including non-2xx answers. */
  async json<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    options.warnings?.push(...warningTexts(response.headers.get('warning')));
    const text = await response.text();
    if (!response.ok) throw KubeRequestError.fromResponse(response.status, text, method, path);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** A streaming GET (watches): resolves once headers arrive; the caller reads and closes the body. */
  async stream(path: string, options: RequestOptions = {}): Promise<Response> {
    const response = await this.send('GET', path, { ...options, timeoutMs: options.timeoutMs ?? 30_000 }, true);
    if (!response.ok) throw KubeRequestError.fromResponse(response.status, await response.text(), 'GET', path);
    return response;
  }

  /**
   * A WebSocket to the API server (port-forward, exec) with the context's credentials and TLS
   * settings; resolves once open, rejects with a KubeRequestError (the HTTP status it was refused with).
   */
  async webSocket(path: string, protocols: string[], timeoutMs = 15_000): Promise<WebSocket> {
    const options: WebSocket.ClientOptions = { handshakeTimeout: timeoutMs };
    let authorization: string | null;
    try {
      await this.kubeConfig.applyToHTTPSOptions(options);
      authorization = (await this.extraAuthorization?.header()) ?? null;
    } catch (error) {
      throw credentialFailure(error);
    }
    if (authorization) options.headers = { ...options.headers, Authorization: authorization };
    const socket = new WebSocket(this.server.replace(/^http/, 'ws') + path, protocols, options);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_request, response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
        response.on('end', () => reject(KubeRequestError.fromResponse(response.statusCode ?? 0, text, 'GET', path)));
        socket.terminate();
      });
      socket.once('error', (error) => reject(classifyFailure(error, this.server)));
    });
  }

  async close(): Promise<void> {
    this.extraAuthorization?.close();
    const dispatcher = this.dispatcher;
    this.dispatcher = undefined;
    this.dispatcherReady = false;
    // destroy, not close: close would wait for open watch streams to end by themselves.
    await dispatcher?.destroy().catch(() => undefined);
  }

  private async send(method: string, path: string, options: RequestOptions, streaming = false): Promise<Response> {
    const url = new URL(this.server + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const context = new RequestContext(url.toString(), method as HttpMethod);
    let authorization: string | null;
    try {
      await this.kubeConfig.applySecurityAuthentication(context);
      authorization = (await this.extraAuthorization?.header()) ?? null;
    } catch (error) {
      throw credentialFailure(error);
    }
    if (!this.dispatcherReady) {
      this.dispatcher = context.getDispatcher() as Dispatcher | undefined;
      this.dispatcherReady = true;
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...context.getHeaders() };
    // fetch asks for gzip (and br, deflate, zstd) unless told otherwise; with disable-compression,
    // kubectl asks for no compressed answer.
    if (!this.compression) headers['Accept-Encoding'] = 'identity';
    if (authorization) {
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
      headers.Authorization = authorization;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    // The timeout covers the wait for response headers; a stream's body may then run for as long as
    // the caller's signal allows.
    const controller = new AbortController();
    const abort = (): void => controller.abort(ABORTED);
    // Aborted while the credentials were being made: an abort listener added now would never fire.
    if (options.signal?.aborted) throw new KubeRequestError('aborted', 'request aborted', 0);
    options.signal?.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(abort, options.timeoutMs ?? 15_000);
    try {
      const response = await fetch(url, { method, headers, body, dispatcher: this.dispatcher, signal: controller.signal });
      return response;
    } catch (error) {
      if (options.signal?.aborted) throw new KubeRequestError('aborted', 'request aborted', 0);
      if (controller.signal.aborted) {
        throw new KubeRequestError('unreachable', `${this.server} did not answer within ${Math.round((options.timeoutMs ?? 15_000) / 1000)} s`, 0);
      }
      throw classifyFailure(error, this.server);
    } finally {
      clearTimeout(timer);
      if (!streaming) options.signal?.removeEventListener('abort', abort);
    }
  }
}

/** Credentials that could not be produced: an exec plugin not trusted yet, or any other failure. */
function credentialFailure(error: unknown): KubeRequestError {
  if (error instanceof UntrustedPluginError) return new KubeRequestError('untrusted-plugin', error.message, 0, null, { file: error.file, command: error.command });
  return new KubeRequestError('auth-error', `could not get credentials: ${(error as Error).message}`, 0);
}
