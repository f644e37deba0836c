// Playwright fixtures: `served` starts the built app's browser transport (out/main/serve.js) for one
// test with a kubeconfig of the test's choosing, and `app` opens it in Chromium.
import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadClusters, type ClusterSet } from '../cluster/clusters.ts';

export interface ServedApp {
  url: string;
  process: ChildProcess;
}

export function serve(kubeconfig: string, env: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'out', 'main', 'serve.js'), '--kubeconfig', kubeconfig],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
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
