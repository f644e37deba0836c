// What the browser-transport unit tests start from: a core with no kubeconfig (no cluster is
// reached) and a folder standing in for the built renderer.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPortolanCore, type PortolanCore } from '../../electron/core/portolan-core';

export function offlineCore(): PortolanCore {
  return createPortolanCore({ transport: 'browser', kubeconfigPaths: [{ path: '/nonexistent/kubeconfig', origin: 'env' }], stateDir: null });
}

/** A renderer folder holding only index.html. */
export function stubRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Portolan</title>');
  return dir;
}
