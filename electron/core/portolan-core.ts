// Core: everything that talks to the disk or a cluster, in plain Node (no electron import). Both
// transports (Electron IPC and the browser server) serve the handlers built here.
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { ApiHandlers } from '../api/dispatcher';
import { initialSelection, listScopes, usableContexts } from '../api/list-scopes';
import { PortolanError } from '../api/portolan-error';
import type { Transport, WorkloadSummary } from '../api/types';
import type { ClusterConnectionOptions } from './clusters/cluster-connection';
import { ConnectionManager } from './clusters/connection-manager';
import { CoreEvents } from './core-events';
import { DraftStore } from './drafts/draft-store';
import { draftHandlers } from './draft-handlers';
import { applyToTarget } from './services/service-apply';
import { SecretRedactor } from './secrets/secret-redactor';
import { MAX_KUBECONFIG_BYTES, MAX_KUBECONFIG_SIZE } from './kubeconfig/kubeconfig-parser';
import { kubeconfigPaths, withAddedFiles } from './kubeconfig/kubeconfig-paths';
import { KubeconfigStore, type KubeconfigPath, type KubeconfigStoreOptions } from './kubeconfig/kubeconfig-store';
import { applyService, deleteServices, readService } from './services/service-actions';
import { editService } from './services/service-edit';
import { PortForwards } from './port-forward/port-forwards';
import { createService, listWorkloads, matchPods, serviceExists } from './services/service-create';
import { serviceSchemaFromOpenApi } from './services/service-schema';
import { SubscriptionManager } from './services/subscriptions';
import { AppStateStore } from './state/app-state-store';
import { Remembered } from './state/remembered';
import { RowPrefetch } from './rows/row-prefetch';
import { ROW_KINDS } from './services/row-kinds';
import { WatchHub } from './watch/watch-hub';
import type { ResourceWatchOptions } from './watch/resource-watch';
import packageJson from '../../package.json';

export interface CoreOptions {
  transport: Transport;
  /** Kubeconfig files in kubectl's order; defaults to KUBECONFIG or ~/.kube/config. */
  kubeconfigPaths?: KubeconfigPath[];
  /** Where remembered state lives; null remembers nothing. */
  stateDir: string | null;
  electronVersion?: string | null;
  kubeconfig?: KubeconfigStoreOptions;
  connections?: ClusterConnectionOptions;
  /** Options of the shared list+watch streams (watchdog, page size, backoff). */
  watch?: ResourceWatchOptions;
  /** How long changes are gathered before a batch goes to the renderer; default 50 ms. */
  batchMs?: number;
  /** How long prefetchRows holds a stream no page has subscribed to (20 s unless set). */
  prefetchHoldMs?: number;
  /** Moves a file to the OS trash (the desktop app); deleted drafts otherwise go to `<state>/draft-trash`. */
  trash?: (path: string) => Promise<void>;
}

export interface PortolanCore {
  handlers: ApiHandlers;
  events: CoreEvents;
  /** Resolves once the kubeconfig and the remembered state are read. */
  ready: Promise<void>;
  /** A window or browser tab went away: end its subscriptions. */
  releaseClient(clientId: string): void;
  /** The (single) Electron window reloaded or closed: end every subscription. */
  releaseAllClients(): void;
  /**
   * The app starts or a page loads: start the Service lists of the remembered selection now, for
   * the page to find them listing (or listed) when it subscribes (rows/row-prefetch.ts).
   */
  prefetchRows(): void;
  /** The shared streams running now (for tests and diagnostics). */
  activeStreams(): string[];
  /** Lists, watches and events per running stream (for tests and diagnostics). */
  streamStats(): Record<string, { lists: number; watches: number; events: number }>;
  /** Whether `url` is an address an open detail view shows (the only URLs the desktop app opens outside). */
  isOpenableUrl(url: string): boolean;
  dispose(): Promise<void>;
}

function expandPath(path: string): string {
  if (path.includes('\0')) throw new PortolanError('invalid-input', 'a file path cannot contain a NUL character');
  const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  if (!isAbsolute(expanded)) throw new PortolanError('invalid-input', `"${path}" is not an absolute path`);
  return resolve(expanded);
}

/** Checked before a file is remembered: an existing regular file of a size a kubeconfig can have. */
async function checkAddableFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PortolanError('invalid-input', code === 'ENOENT' ? `there is no file at ${file}` : `${file} cannot be read (${code ?? 'error'})`);
  }
  if (!info.isFile()) throw new PortolanError('invalid-input', `${file} is not a regular file`);
  if (info.size > MAX_KUBECONFIG_BYTES) throw new PortolanError('invalid-input', `${file} is larger than a kubeconfig can be (${MAX_KUBECONFIG_SIZE})`);
}

export function createPortolanCore(options: CoreOptions): PortolanCore {
  const basePaths = options.kubeconfigPaths ?? kubeconfigPaths();
  const redactor = new SecretRedactor();
  const events = new CoreEvents(redactor);
  const appState = new AppStateStore(options.stateDir);
  const kubeconfig = new KubeconfigStore(options.kubeconfig);
  const trusted = (file: string, command: string): boolean => appState.trustedPlugins.some((p) => p.file === file && p.command === command);
  const connections = new ConnectionManager(kubeconfig, events, options.connections, trusted);
  // A failing stream makes its connection check itself at once, so the sidebar agrees with the list.
  const hub = new WatchHub(options.watch, (context) => connections.suspect(context));
  const subscriptions = new SubscriptionManager(connections, hub, events, options.batchMs);
  const prefetch = new RowPrefetch(hub, ROW_KINDS.services, options.prefetchHoldMs ?? 20_000);
  const drafts = new DraftStore({ stateDir: options.stateDir, ...(options.trash ? { trash: options.trash } : {}) });
  drafts.onChange((list) => events.emit('draftsChanged', list));
  connections.follow(subscriptions);
  const forwards = new PortForwards(connections);
  // What a cluster answered, for when it is offline later (keyed by its server URL: contexts come and go).
  const rememberedSchemas = new Remembered<{ schema: Record<string, unknown>; serverVersion: string | null }>(options.stateDir, 'remembered-schemas', 10);
  const rememberedWorkloads = new Remembered<WorkloadSummary[]>(options.stateDir, 'remembered-workloads', 200);
  const serverOf = (context: string): string => kubeconfig.contextList().contexts.find((c) => c.name === context)?.server ?? `context:${context}`;
  forwards.onChange((list) => events.emit('portForwards', list));

  kubeconfig.onChange((list) => {
    redactor.setKubeconfig(kubeconfig.merged);
    events.emit('contextsChanged', list);
    void connections.kubeconfigChanged();
  });

  const ready = (async () => {
    await appState.load();
    await kubeconfig.setPaths(withAddedFiles(basePaths, appState.kubeconfigFiles));
    kubeconfig.watch();
    await drafts.open(appState.draftFolder).catch(() => drafts.open(null));
  })();

  let isReady = false;
  void ready.then(() => (isReady = true), () => undefined);
  /**
   * Holds the Service streams of the selection a page starts with (see prefetchRows). Only a head
   * start: whatever fails here, the page's own connect and subscribe meet again and report.
   */
  const holdRemembered = (): void => {
    try {
      const list = kubeconfig.contextList();
      const { selected, namespaces } = appState.ui;
      const scopes = listScopes(usableContexts(initialSelection(selected, list), list), (context) => namespaces[context] ?? []);
      // The same connections the page's connect() opens (an exec plugin's only once trusted).
      prefetch.hold(scopes.flatMap((scope) => {
        const opened = connections.connectionFor(scope.context);
        return opened.ok ? [{ ...scope, client: opened.connection.client }] : [];
      }));
    } catch {
      // See above.
    }
  };

  const setAddedFiles = async (files: string[]): Promise<void> => {
    await appState.update({ kubeconfigFiles: files });
    await kubeconfig.setPaths(withAddedFiles(basePaths, files));
  };

  const handlers: ApiHandlers = {
    version: async () => ({
      app: packageJson.version,
      node: process.versions.node,
      electron: options.electronVersion ?? null,
      platform: process.platform,
      transport: options.transport,
    }),
    listContexts: async () => {
      await ready;
      return kubeconfig.contextList();
    },
    addKubeconfigFile: async ({ path }) => {
      await ready;
      const file = expandPath(path);
      await checkAddableFile(file);
      if (!appState.kubeconfigFiles.includes(file)) await setAddedFiles([...appState.kubeconfigFiles, file]);
      return kubeconfig.contextList();
    },
    chooseKubeconfigFile: async () => {
      throw new PortolanError('invalid-input', 'the open dialog is the desktop app\'s; here, type the path of the file');
    },
    removeKubeconfigFile: async ({ path }) => {
      await ready;
      const file = expandPath(path);
      if (!appState.kubeconfigFiles.includes(file)) {
        throw new PortolanError('not-found', `${file} was not added in Portolan; files from KUBECONFIG are changed there`);
      }
      await setAddedFiles(appState.kubeconfigFiles.filter((f) => f !== file));
      return kubeconfig.contextList();
    },
    trustExecPlugin: async ({ context, file, command }) => {
      await ready;
      if (!appState.kubeconfigFiles.includes(file)) {
        throw new PortolanError('invalid-input', `${file} was not added in Portolan; its plugins run as kubectl runs them`);
      }
      if (!trusted(file, command)) {
        await appState.update({ trustedPlugins: [...appState.trustedPlugins, { file, command }] });
      }
      return connections.connect(context);
    },
    connect: async ({ context }) => {
      await ready;
      return connections.connect(context);
    },
    disconnect: async ({ context }) => {
      await connections.disconnect(context);
      return null;
    },
    connectionStatuses: async () => connections.statuses(),
    listNamespaces: async ({ context }) => connections.namespaces(context),
    addNamespaces: async ({ context, namespaces }) => connections.addNamespaces(context, namespaces),
    servicePermissions: async ({ context, namespace }) => connections.servicePermissions(context, namespace),
    watchRows: async ({ clientId, subscriptionId, kind, context, namespace }) => {
      const subscription = subscriptions.watchRows(clientId, kind, context, namespace, subscriptionId);
      prefetch.handOver(kind, context, namespace);
      return subscription;
    },
    watchServiceDetail: async ({ clientId, subscriptionId, context, namespace, name }) =>
      subscriptions.watchServiceDetail(clientId, context, namespace, name, subscriptionId),
    unwatch: async ({ subscriptionId }) => {
      subscriptions.unwatch(subscriptionId);
      return null;
    },
    deleteServices: async ({ targets }) => deleteServices(connections, targets),
    applyService: async (request) => applyService(connections, request),
    editService: async (request) => editService(connections, request),
    startPortForward: async (request) => forwards.start(request),
    stopPortForward: async ({ id }) => {
      await forwards.stop(id);
      return null;
    },
    listPortForwards: async () => forwards.list(),
    readService: async (target) => readService(connections, target),
    serviceExists: async ({ context, namespace, name }) => serviceExists(connections, context, namespace, name),
    listWorkloads: async ({ context, namespace }) => {
      const key = `${serverOf(context)}|${namespace}`;
      const { value, rememberedAt } = await rememberedWorkloads.answer(() => listWorkloads(connections, context, namespace), () => key, { key });
      return { workloads: value, rememberedAt };
    },
    matchPods: async ({ context, namespace, selector }) => matchPods(connections, context, namespace, selector),
    createService: async (request) => createService(connections, request),
    serviceSchema: async ({ context }) => {
      const server = serverOf(context);
      const { value, rememberedAt } = await rememberedSchemas.answer(async () => {
        const connection = connections.connection(context);
        const [openapi, serverVersion] = await Promise.all([
          connection.client.json<Parameters<typeof serviceSchemaFromOpenApi>[0]>('GET', '/openapi/v3/api/v1', { timeoutMs: 30_000 }),
          // The connection's health check already read it; asked here only before that first check.
          connection.status.serverVersion ?? connection.client.json<{ gitVersion?: string }>('GET', '/version').then((v) => v.gitVersion ?? null),
        ]);
        return { schema: serviceSchemaFromOpenApi(openapi), serverVersion };
      }, (answer) => `${server}|${answer.serverVersion}`, { key: `${server}|`, prefix: true });
      return { ...value, rememberedAt };
    },
    ...draftHandlers(drafts, appState, ready),
    applyDraft: async ({ file, version, context, namespace, dryRun, force }) => {
      await ready;
      const draft = await drafts.read(file);
      if (draft.version !== version) {
        return { ok: false, reason: 'changed', explanation: { code: 'server.said', params: { detail: `${file} changed on disk since it was opened` } }, problems: [] };
      }
      const result = await applyToTarget(connections, { context, namespace, manifest: draft.text, dryRun, force });
      const message = result.ok ? null : result.explanation.code === 'server.said' ? result.explanation.params.detail ?? null : result.explanation.code;
      await drafts.recordApply(file, { context, namespace, at: new Date().toISOString(), dryRun, outcome: result.ok ? result.outcome : result.reason, message });
      return result;
    },
    getUiState: async () => {
      await ready;
      return appState.ui;
    },
    setUiState: async (ui) => {
      await ready;
      await appState.update({ ui });
      return appState.ui;
    },
  };

  return {
    handlers: redactedHandlers(handlers, redactor),
    events,
    ready,
    releaseClient: (clientId) => subscriptions.releaseClient(clientId),
    releaseAllClients: () => subscriptions.closeAll(),
    // At once once core is ready (a reload holds the streams before the old page's subscriptions end).
    prefetchRows: () => {
      if (isReady) holdRemembered();
      else void ready.then(holdRemembered, () => undefined);
    },
    activeStreams: () => hub.activeKeys(),
    streamStats: () => hub.stats(),
    // Addresses the Services show, and the local ends of port forwards.
    isOpenableUrl: (url) => subscriptions.openable.has(url) || forwards.list().some((f) => url === f.url || url.startsWith(`${f.url}/`)),
    dispose: async () => {
      await ready.catch(() => undefined);
      kubeconfig.close();
      prefetch.close();
      subscriptions.closeAll();
      await forwards.stopAll();
      drafts.close();
      await connections.closeAll();
    },
  };
}

/** Every handler's answer and error through the redactor: nothing leaves core with a secret in it. */
function redactedHandlers(handlers: ApiHandlers, redactor: SecretRedactor): ApiHandlers {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (input: never) => Promise<unknown>]>) {
    wrapped[name] = async (input) => {
      try {
        return redactor.redact(await handler(input));
      } catch (error) {
        throw redactor.redactError(error);
      }
    };
  }
  return wrapped as unknown as ApiHandlers;
}
