// Changes to Services on the clusters. Each target gets its own result: one failure (forbidden,
// gone, unreachable) never stops the others.
import type { ServiceActionResult, ServiceTarget } from '../../api/types';
import type { ConnectionManager } from '../clusters/connection-manager';
import { resourcePath } from '../watch/resource-ref';

export async function deleteServices(connections: ConnectionManager, targets: ServiceTarget[]): Promise<ServiceActionResult[]> {
  return Promise.all(targets.map(async (target): Promise<ServiceActionResult> => {
    try {
      const { client } = connections.connection(target.context);
      await client.json('DELETE', resourcePath({ group: '', version: 'v1', plural: 'services', namespace: target.namespace }, target.name));
      return { ...target, ok: true, message: null };
    } catch (error) {
      return { ...target, ok: false, message: (error as Error).message };
    }
  }));
}
