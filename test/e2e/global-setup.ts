// Starts the clusters the e2e suite shares and tells the workers where they are (PORTOLAN_E2E_CLUSTERS).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startClusters, stopClusters } from '../cluster/clusters.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(process.cwd(), 'out', 'main', 'serve.js'))) {
    throw new Error('out/main/serve.js is missing: run `npm run build` before the e2e tests');
  }
  const dir = join(process.cwd(), '.clusters', 'e2e');
  const set = await startClusters({ count: 2, dir });
  process.env.PORTOLAN_E2E_CLUSTERS = set.dir;
  return () => stopClusters(dir);
}
