// Starts the real clusters the integration suite shares, once per run, and stops them afterwards.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startClusters, stopClusters } from '../cluster/clusters.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    clusterDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = join(process.cwd(), '.clusters', 'integration');
  const began = performance.now();
  const set = await startClusters({ count: 2, dir });
  console.log(`[integration] ${set.clusters.length} clusters up in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  project.provide('clusterDir', dir);
  return () => stopClusters(dir);
}
