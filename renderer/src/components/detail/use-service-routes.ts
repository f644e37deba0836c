// The routes into one Service, live: the namespace's Ingresses and HTTPRoutes through the shared
// row pipeline, narrowed to those whose rules send traffic to the Service.
import { computed, onBeforeUnmount, type ComputedRef } from 'vue';
import { routesTo, type RouteToService } from '../../model/service-routes';
import { liveRows } from '../../stores/live-rows';

export function useServiceRoutes(context: string, namespace: string, name: string): { routes: ComputedRef<RouteToService[]>; synced: ComputedRef<boolean> } {
  const live = liveRows('routes');
  void live.sync([{ context, namespace }]);
  onBeforeUnmount(() => void live.sync([]));
  return {
    routes: computed(() => routesTo(live.rows.value.values(), namespace, name)),
    synced: computed(() => (live.statusByContext.value.get(context) ?? []).some((s) => s.synced)),
  };
}
