// What the wizard asks the cluster while the user types: is the name taken, may the user create
// Services in the namespace (RBAC), which workloads could be selected, and which pods the selector
// matches right now. Answers that arrive after the input moved on are dropped. With no cluster
// (context ''), nothing is asked: the selector is typed by hand.
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { PodMatch, WorkloadSummary } from '../../../../electron/api/types';
import { api } from '../../api/portolan';
import { liveRows } from '../../stores/live-rows';
import type { ServiceForm } from '../../model/service-form';

const TYPING_PAUSE_MS = 250;

/** Where the workload choices come from when no cluster answers: none (labels typed by hand), or remembered at a time. */
export type WorkloadSource = { offline: 'none' } | { offline: 'remembered'; at: string } | null;

export interface ClusterLookups {
  nameTaken: Ref<boolean>;
  createDenied: Ref<boolean>;
  /** Live while the cluster answers (through the row pipeline); remembered ones when it does not. */
  workloads: Readonly<Ref<WorkloadSummary[]>>;
  /** No cluster, or a cluster that did not answer and whose workloads are remembered: the wizard says so. */
  workloadSource: Ref<WorkloadSource>;
  pods: Ref<PodMatch | null>;
}

/** `nameIsValid` says whether the name passes the local rules (only then is the cluster asked). */
export function useClusterLookups(context: Ref<string>, form: () => ServiceForm, nameIsValid: () => boolean): ClusterLookups {
  const nameTaken = ref(false);
  const createDenied = ref(false);
  const listed = ref<WorkloadSummary[]>([]);
  const live = liveRows('workloads');
  onBeforeUnmount(() => void live.sync([]));
  const liveSynced = computed(() => (live.statusByContext.value.get(context.value) ?? []).some((s) => s.synced && !s.stale));
  const workloads = computed<WorkloadSummary[]>(() => (liveSynced.value
    ? [...live.rows.value.values()].filter((w) => w.namespace === form().namespace).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
    : listed.value));
  const workloadSource = ref<WorkloadSource>(null);
  const pods = ref<PodMatch | null>(null);

  let nameTimer: ReturnType<typeof setTimeout> | undefined;
  watch(() => [context.value, form().namespace, form().name] as const, ([ctx, namespace, name]) => {
    clearTimeout(nameTimer);
    nameTaken.value = false;
    if (!ctx || !name || !namespace || !nameIsValid()) return;
    nameTimer = setTimeout(() => {
      void api.serviceExists({ context: ctx, namespace, name }).then((taken) => {
        if (form().name === name && form().namespace === namespace && context.value === ctx) nameTaken.value = taken;
      }, () => undefined);
    }, TYPING_PAUSE_MS);
  });

  watch(() => [context.value, form().namespace] as const, ([ctx, namespace]) => {
    listed.value = [];
    createDenied.value = false;
    workloadSource.value = ctx ? null : { offline: 'none' };
    void live.sync(ctx && namespace ? [{ context: ctx, namespace }] : []);
    if (!ctx || !namespace) return;
    const current = (): boolean => ctx === context.value && namespace === form().namespace;
    // Once, beside the live list: core remembers the answer for when this cluster is offline later,
    // and gives the remembered one now if it is.
    void api.listWorkloads({ context: ctx, namespace }).then((list) => {
      if (!current()) return;
      listed.value = list.workloads;
      workloadSource.value = list.rememberedAt ? { offline: 'remembered', at: list.rememberedAt } : null;
    }, () => current() && (workloadSource.value = { offline: 'none' }));
    void api.servicePermissions({ context: ctx, namespace }).then((access) => {
      if (current()) createDenied.value = !access.verbs.create.allowed;
    }, () => undefined);
  }, { immediate: true });

  let podTimer: ReturnType<typeof setTimeout> | undefined;
  watch(() => JSON.stringify([context.value, form().namespace, form().selector]), (key) => {
    clearTimeout(podTimer);
    const { namespace } = form();
    const selector = Object.fromEntries(form().selector.filter((kv) => kv.key).map((kv) => [kv.key, kv.value]));
    if (Object.keys(selector).length === 0 || !namespace || !context.value) {
      pods.value = null;
      return;
    }
    const ctx = context.value;
    podTimer = setTimeout(() => {
      const current = (): boolean => key === JSON.stringify([context.value, form().namespace, form().selector]);
      void api.matchPods({ context: ctx, namespace, selector }).then((m) => current() && (pods.value = m), () => current() && (pods.value = null));
    }, TYPING_PAUSE_MS);
  }, { immediate: true });

  return { nameTaken, createDenied, workloads, workloadSource, pods };
}
