import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('test runtime', () => {
  it('is the Node major that Electron embeds (24), installed by the project, not the machine Node', () => {
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.node as string;
    expect(pinned).toMatch(/^\^24\./);
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
