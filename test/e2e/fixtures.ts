// Playwright fixtures: `served` starts the built app's browser transport (out/main/serve.js) for one
// test with a kubeconfig of the test's choosing, and `app` opens it in Chromium.
import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClusters, type ClusterSet } from '../cluster/clusters.ts';
import { scenarioKubeconfig } from '../cluster/kubeconfig-scenarios.ts';

export interface ServedApp {
  url: string;
  process: ChildProcess;
}

/** Starts out/main/serve.js on `kubeconfig`, remembering state in `stateDir` (a fresh one by default). */
export function serve(kubeconfig: string, stateDir = mkdtempSync(join(tmpdir(), 'portolan-e2e-state-'))): Promise<ServedApp> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'out', 'main', 'serve.js'), '--kubeconfig', kubeconfig, '--state-dir', stateDir],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /^URL: (\S+)$/m.exec(output)?.[1];
      if (url) resolve({ url, process: child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/** A kubeconfig file (fresh per test) with one context per situation: see kubeconfig-scenarios.ts. */
export async function writeScenarioKubeconfig(clusters: ClusterSet): Promise<string> {
  const scenario = await scenarioKubeconfig(clusters.clusters[0]!, clusters.clusters[1]!);
  const file = join(mkdtempSync(join(tmpdir(), 'portolan-e2e-kubeconfig-')), 'config');
  writeFileSync(file, JSON.stringify(scenario.kubeconfig, null, 2));
  return file;
}

export const test = base.extend<{ clusters: ClusterSet; kubeconfig: string; app: Page }>({
  // Playwright reads fixture dependencies from the destructuring pattern, so an empty one is required.
  // eslint-disable-next-line no-empty-pattern
  clusters: async ({}, use) => {
    const dir = process.env.PORTOLAN_E2E_CLUSTERS;
    if (!dir) throw new Error('PORTOLAN_E2E_CLUSTERS is not set: global setup did not run');
    await use(loadClusters(dir));
  },
  kubeconfig: async ({ clusters }, use) => {
    await use(clusters.kubeconfig);
  },
  app: async ({ page, kubeconfig }, use) => {
    const served = await serve(kubeconfig);
    await page.goto(served.url);
    await use(page);
    served.process.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
