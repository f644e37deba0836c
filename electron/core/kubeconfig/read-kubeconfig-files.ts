import { readFile } from 'node:fs/promises';
import type { KubeconfigSource } from './merge-kubeconfigs';

export async function readKubeconfigFiles(paths: string[]): Promise<KubeconfigSource[]> {
  return Promise.all(paths.map(async (path): Promise<KubeconfigSource> => {
    try {
      return { path, text: await readFile(path, 'utf8'), readError: null };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { path, text: null, readError: code === 'ENOENT' ? 'missing' : (error as Error).message };
    }
  }));
}
