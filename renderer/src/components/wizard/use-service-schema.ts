// Which Service schema the wizard checks and completes with: the cluster's own (read now, or
// remembered from the last time it answered), else the one bundled with Portolan. The editor (Monaco)
// gets it the first time edit mode opens; the local rules use it at once.
import { computed, shallowRef, watch, type ComputedRef, type Ref } from 'vue';
import { api } from '../../api/portolan';
import bundledSchema from '../../editor/service.schema.json';
import type { Schema } from '../../model/schema-check';

/** The Kubernetes version the bundled schema was made from (its $comment says so). */
export const BUNDLED_SCHEMA_VERSION = /Kubernetes (v[\d.]+)/.exec((bundledSchema as { $comment?: string }).$comment ?? '')?.[1] ?? '?';

export type SchemaSource =
  | { kind: 'cluster'; context: string; version: string | null }
  | { kind: 'remembered'; context: string; version: string | null; at: string }
  | { kind: 'bundled'; version: string };

export function useServiceSchema(context: Ref<string>, editMode: Ref<boolean>): { schema: ComputedRef<Schema>; source: ComputedRef<SchemaSource> } {
  // Shallow: the schema goes to Monaco's workers as it is (a reactive proxy cannot be posted).
  const fromCluster = shallowRef<{ context: string; schema: Schema; version: string | null; rememberedAt: string | null } | null>(null);
  watch(context, (name) => {
    if (!name) return;
    void api.serviceSchema({ context: name }).then((answer) => {
      if (context.value === name) fromCluster.value = { context: name, schema: answer.schema as Schema, version: answer.serverVersion, rememberedAt: answer.rememberedAt };
    }, () => undefined);
  }, { immediate: true });
  const current = computed(() => (fromCluster.value?.context === context.value ? fromCluster.value : null));
  const schema = computed(() => current.value?.schema ?? (bundledSchema as Schema));
  const source = computed<SchemaSource>(() => {
    const c = current.value;
    if (!c) return { kind: 'bundled', version: BUNDLED_SCHEMA_VERSION };
    return c.rememberedAt ? { kind: 'remembered', context: c.context, version: c.version, at: c.rememberedAt } : { kind: 'cluster', context: c.context, version: c.version };
  });
  // Monaco loads only with the editor; it validates and completes with the same schema as the rules.
  watch([editMode, schema], ([on, next]) => {
    if (on) void import('../../editor/monaco').then((editor) => editor.useServiceSchema(next), () => undefined);
  });
  return { schema, source };
}
