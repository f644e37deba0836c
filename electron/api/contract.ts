// The one contract between core and the renderer: every method with the runtime schema of its input
// and the type of its output, and every event with its payload type. Main, preload, the browser
// transport and the renderer all derive their code from this list.
import * as v from 'valibot';
import type {
  ApiResult, ApplyResult, ConnectionStatus, CreateResult, EditResult, PortForwardInfo, PortForwardResult, DraftImportResult, DraftList, DraftSaveResult, DraftSummary, DraftText, TargetApplyResult, PodMatch, ServiceSchemaAnswer, WorkloadList, ContextList, NamespaceList, ServicePermissions, ServiceActionResult, ServiceDetail, RowKind, RowsBatch, Subscription, UiState,
  VersionInfo,
  WatchStatus,
} from './types';

interface MethodSpec<S extends v.GenericSchema, O> {
  input: S;
  /** Type-level only: the method's output type (in a tuple, so that null stays null). */
  output?: [O];
}

function method<O>(): <S extends v.GenericSchema>(input: S) => MethodSpec<S, O> {
  return (input) => ({ input });
}

const noInput = v.undefined();

/** Names as Kubernetes and kubeconfig allow them; bounded so no input can be huge. */
const contextName = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
const namespaceName = v.pipe(v.string(), v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a namespace is a DNS-1123 label'), v.maxLength(63));
const filePath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
/** Each window or browser tab names itself, so its subscriptions end when it goes away. */
const clientId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));
/** A subscription's id: chosen by the caller (a UUID) or, when it names none, by core. */
const subscriptionId = v.pipe(v.string(), v.uuid());

// A DNS-1123 label: servers from 1.36 take Service names that start with a digit (KEP-5311).
const serviceName = v.pipe(v.string(), v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a Service name is a DNS-1123 label'), v.maxLength(63));
const draftFile = v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.regex(/^[^/\\\0]+$/, 'a draft is a file name in the drafts folder'));
const draftVersion = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const manifestText = v.pipe(v.string(), v.maxLength(1024 * 1024));
const draftTargets = v.pipe(v.array(v.object({ context: contextName, namespace: namespaceName })), v.maxLength(100));
/** Every row kind (the typecheck fails when RowKind has one this list lacks). */
const ROW_KINDS = ['services', 'workloads', 'routes'] as const satisfies readonly RowKind[];
export const everyRowKindListed: RowKind extends (typeof ROW_KINDS)[number] ? true : never = true;
const serviceTarget = v.object({ context: contextName, namespace: namespaceName, name: serviceName });

export const uiStateSchema = v.object({
  pinned: v.pipe(v.array(contextName), v.maxLength(1000)),
  selected: v.pipe(v.array(contextName), v.maxLength(100)),
  namespaces: v.record(contextName, v.pipe(v.array(namespaceName), v.maxLength(1000))),
  groupBy: v.picklist(['file', 'server']),
});

export const methods = {
  version: method<VersionInfo>()(noInput),
  /** The merged kubeconfig: contexts (no credentials) and the state of each file. */
  listContexts: method<ContextList>()(noInput),
  /** Adds a kubeconfig file to the ones read (remembered across restarts). */
  addKubeconfigFile: method<ContextList>()(v.object({ path: filePath })),
  /**
   * Opens the system's open dialog (the desktop app: main runs it) and adds the file chosen; null
   * when the user cancelled. The browser transport has no dialog: there, addKubeconfigFile takes a path.
   */
  chooseKubeconfigFile: method<ContextList | null>()(noInput),
  /** Removes a file the user added (KUBECONFIG's files cannot be removed here). */
  removeKubeconfigFile: method<ContextList>()(v.object({ path: filePath })),
  /**
   * Allows the exec command a kubeconfig file added in the app asks to run (remembered per file and
   * command), then retries the context that asked.
   */
  trustExecPlugin: method<ConnectionStatus>()(v.object({ context: contextName, file: filePath, command: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)) })),
  /** Opens the context's connection (or retries a failed one) and answers its status at once. */
  connect: method<ConnectionStatus>()(v.object({ context: contextName })),
  disconnect: method<null>()(v.object({ context: contextName })),
  connectionStatuses: method<ConnectionStatus[]>()(noInput),
  listNamespaces: method<NamespaceList>()(v.object({ context: contextName })),
  /** Namespaces the user typed, where listing namespaces is forbidden. */
  addNamespaces: method<NamespaceList>()(v.object({ context: contextName, namespaces: v.pipe(v.array(namespaceName), v.minLength(1), v.maxLength(100)) })),
  /** What the user may do with Services in a namespace (null: all namespaces). */
  servicePermissions: method<ServicePermissions>()(v.object({ context: contextName, namespace: v.nullable(namespaceName) })),
  /**
   * Live rows of one kind (Services, workloads, routes) in a context and namespace (null: all
   * namespaces), as `rows` batches: the one pipeline every live list goes through.
   */
  watchRows: method<Subscription>()(v.object({
    clientId, subscriptionId: v.optional(subscriptionId), kind: v.picklist(ROW_KINDS), context: contextName, namespace: v.nullable(namespaceName),
  })),
  /** One Service, live, with its endpoints, pods and events, as serviceDetail events. */
  watchServiceDetail: method<Subscription>()(v.object({
    clientId, subscriptionId: v.optional(subscriptionId), context: contextName, namespace: namespaceName, name: serviceName,
  })),
  unwatch: method<null>()(v.object({ subscriptionId })),
  /** Deletes Services, possibly across clusters; one result per target, in order. */
  deleteServices: method<ServiceActionResult[]>()(v.object({ targets: v.pipe(v.array(serviceTarget), v.minLength(1), v.maxLength(1000)) })),
  /** Server-side apply of a Service manifest (YAML or JSON text) as field manager "portolan". */
  applyService: method<ApplyResult>()(v.object({
    context: contextName, namespace: namespaceName, name: serviceName,
    manifest: v.pipe(v.string(), v.maxLength(1024 * 1024)),
    /** Take over fields other managers own (after the user saw the conflict). */
    force: v.boolean(),
  })),
  /**
   * An edit of a live Service, as `kubectl edit` makes it: only the change from `original` (the text
   * opened, at `resourceVersion`) to `edited` is sent; nothing when there is none.
   */
  editService: method<EditResult>()(v.object({
    context: contextName, namespace: namespaceName, name: serviceName,
    original: v.pipe(v.string(), v.maxLength(1024 * 1024)),
    edited: v.pipe(v.string(), v.maxLength(1024 * 1024)),
    resourceVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    /** Make the Service what `edited` says although it changed since it was opened (the user saw how). */
    overwrite: v.boolean(),
  })),
  /**
   * Forwards a local port on 127.0.0.1 to a Service port, as `kubectl port-forward svc/NAME` does;
   * `localPort` omitted or 0 picks a free one. Every change to the forwards comes as portForwards events.
   */
  startPortForward: method<PortForwardResult>()(v.object({
    context: contextName, namespace: namespaceName, service: serviceName,
    port: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535)),
    localPort: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))),
  })),
  stopPortForward: method<null>()(v.object({ id: v.pipe(v.string(), v.uuid()) })),
  listPortForwards: method<PortForwardInfo[]>()(noInput),
  /** One Service as the cluster has it now (without managedFields): to compare it across clusters, or save it as a draft. */
  readService: method<Record<string, unknown>>()(serviceTarget),
  /** Whether a Service of that name exists now (the wizard checks the name as you type). */
  serviceExists: method<boolean>()(v.object({ context: contextName, namespace: namespaceName, name: serviceName })),
  /** Deployments, StatefulSets and DaemonSets of a namespace, for "Specify workload" (remembered ones when the cluster does not answer). */
  listWorkloads: method<WorkloadList>()(v.object({ context: contextName, namespace: namespaceName })),
  /** The pods a selector matches right now (the wizard's live preview). */
  matchPods: method<PodMatch>()(v.object({
    context: contextName, namespace: namespaceName,
    selector: v.pipe(v.record(v.pipe(v.string(), v.maxLength(317)), v.pipe(v.string(), v.maxLength(63))), v.check((s) => Object.keys(s).length <= 50, 'too many selector keys')),
  })),
  /** Creates a Service from a manifest (YAML or JSON text); with dryRun, only asks the server what it would store. */
  createService: method<CreateResult>()(v.object({
    context: contextName, namespace: namespaceName, manifest: v.pipe(v.string(), v.maxLength(1024 * 1024)), dryRun: v.boolean(),
  })),
  /**
   * The Service JSON Schema of a cluster's own OpenAPI (the editor validates with it), remembered per
   * cluster and server version, so it still serves when that cluster is offline later.
   */
  serviceSchema: method<ServiceSchemaAnswer>()(v.object({ context: contextName })),
  /** The drafts folder and every file in it (drafts, and files that are not, with their error). */
  listDrafts: method<DraftList>()(noInput),
  readDraft: method<DraftText>()(v.object({ file: draftFile })),
  /**
   * Writes a draft's text as it is (atomically). `file` null makes a new file named after the Service;
   * `expectedVersion` is the version the text was opened at (null: new), so a file changed elsewhere
   * is never overwritten unseen. Targets and the wizard's checks are kept in Portolan's notes, not the file.
   */
  saveDraft: method<DraftSaveResult>()(v.object({
    file: v.nullable(draftFile), text: manifestText, expectedVersion: v.nullable(draftVersion),
    targets: v.optional(draftTargets),
    validation: v.optional(v.object({ problems: v.pipe(v.number(), v.integer(), v.minValue(0)), first: v.nullable(v.pipe(v.string(), v.maxLength(1000))) })),
  })),
  renameDraft: method<DraftSummary>()(v.object({ file: draftFile, to: draftFile })),
  duplicateDraft: method<DraftSummary>()(v.object({ file: draftFile })),
  /** Moves the file to the trash (the OS trash in the desktop app); answers where it went. */
  deleteDraft: method<{ trashedTo: string }>()(v.object({ file: draftFile })),
  /** Each Service of a (multi-document) YAML text becomes a draft; other kinds are reported and skipped. */
  importDrafts: method<DraftImportResult>()(v.object({ text: v.pipe(v.string(), v.maxLength(8 * 1024 * 1024)) })),
  setDraftTargets: method<DraftSummary>()(v.object({ file: draftFile, targets: draftTargets })),
  /** Points the drafts at another folder (remembered); null: the app's data folder again. */
  setDraftFolder: method<DraftList>()(v.object({ path: v.nullable(filePath) })),
  /** The desktop app's folder dialog, then as setDraftFolder; null when cancelled. */
  chooseDraftFolder: method<DraftList | null>()(noInput),
  /**
   * Server-side apply (field manager "portolan") of a draft file, at the version the user saw, to one
   * context and namespace; with dryRun, what is live and what would result. The result is kept with the draft.
   */
  applyDraft: method<TargetApplyResult>()(v.object({
    file: draftFile, version: draftVersion, context: contextName, namespace: namespaceName, dryRun: v.boolean(), force: v.boolean(),
  })),
  getUiState: method<UiState>()(noInput),
  setUiState: method<UiState>()(uiStateSchema),
};

/** Event names and their payload types. */
export interface ApiEvents {
  contextsChanged: ContextList;
  connectionChanged: ConnectionStatus;
  namespacesChanged: NamespaceList;
  rows: RowsBatch;
  watchStatus: WatchStatus;
  serviceDetail: ServiceDetail;
  portForwards: PortForwardInfo[];
  draftsChanged: DraftList;
}

export type MethodName = keyof typeof methods;
export type EventName = keyof ApiEvents;
export const methodNames = Object.keys(methods) as MethodName[];

export type MethodInput<M extends MethodName> = v.InferOutput<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<(typeof methods)[M]['output']>[0];

type Call<I, O> = [I] extends [undefined] ? () => Promise<O> : (input: I) => Promise<O>;

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: ApiEvents[E]) => void;

/** What the renderer programs against: one async function per method, plus events. */
export type PortolanApi = { [M in MethodName]: Call<MethodInput<M>, MethodOutput<M>> } & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/**
 * What a transport carries: the same methods, answering with a result envelope instead of throwing,
 * so errors keep their code across contextBridge and HTTP. The preload exposes exactly this.
 */
export type PortolanBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/** The name under which the bridge is exposed on `window`. */
export const BRIDGE_NAME = 'portolan';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
