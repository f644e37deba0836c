// `npm run bench -- --smoke` (200 Services, one run) produces every figure, each with its reference
// where it has one, and stops its clusters. Times are never asserted: the bench measures, it does not
// judge. What is asserted beyond "produced" is exact: every change of the burst reached the page.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Figure } from '../bench/bench-stats';

it('produces every figure of the bench on a small run', async () => {
  const json = join(mkdtempSync(join(tmpdir(), 'portolan-bench-smoke-')), 'bench.json');
  const output = await new Promise<string>((resolve, reject) => {
    execFile('npm', ['run', 'bench', '--', '--smoke', '--json', json], { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
  expect(output).toContain('clusters stopped');
  const { figures } = JSON.parse(readFileSync(json, 'utf8')) as { figures: Figure[] };
  const names = figures.map((f) => f.name);
  const expected: Array<[RegExp, boolean]> = [
    // [name, has a reference measured in the same runs]
    ...['plain', 'realistic'].flatMap((kind): Array<[RegExp, boolean]> => [
      [new RegExp(`^initial load, 200 ${kind} Services: Portolan vs the floor$`), true],
      [new RegExp(`^initial load, 200 ${kind} Services: Portolan vs kubectl -o json$`), true],
      [new RegExp(`^initial load, 200 ${kind} Services: Portolan vs kubectl \\(table\\)$`), true],
    ]),
    [/^core heap holding 603 rows$/, true],
    [/^core heap after unsubscribing$/, true],
    [/^tick 3 clusters → all 603 rows live$/, false],
    [/^longest task while 603 rows arrive$/, false],
    [/^busiest task while 603 rows arrive: its main-thread CPU$/, false],
    [/^longest input delay while 603 rows arrive$/, false],
    [/^longest task while the endpoint counts fill in$/, false],
    [/^longest task scrolling 603 rows end to end$/, false],
    [/^busiest task scrolling 603 rows end to end: its main-thread CPU$/, false],
    ...['store', 'painted'].flatMap((where) => ['p50', 'p99', 'max'].map((p): [RegExp, boolean] =>
      [new RegExp(`^burst of 200: change → row ${where === 'store' ? 'in the store' : 'painted'}, ${p}$`), true])),
    [/^burst of 200: change → row in the store, p50, on the changes kubectl received$/, true],
    [/^burst of 200: change → row in the store, p99, on the changes kubectl received$/, true],
    [/^burst of 200: changes received$/, true],
    [/^burst of 200: changes received, vs the floor$/, true],
    [/^longest task during the burst \(603 rows shown\)$/, false],
    [/^busiest task during the burst \(603 rows shown\): its main-thread CPU$/, false],
    [/^longest input delay during the burst \(603 rows shown\)$/, false],
    [/^renderer heap holding 603 rows$/, true],
    [/^renderer heap after ticking and unticking every cluster again$/, true],
    [/^page load → first row$/, false],
    [/^page load → all 603 rows from 3 clusters live$/, true],
    // Where /proc is (Linux: CI, and every machine these clusters run on), the CPU time each party used.
    ...(existsSync('/proc/stat') ? [
      [/^page load → all 603 rows live: CPU time of core$/, false],
      [/^page load → all 603 rows live: CPU time of Chromium \(every process\)$/, false],
      [/^page load → all 603 rows live: CPU time of the 3 clusters$/, false],
      [/^page load → all 603 rows live: CPU time of the machine$/, true],
    ] satisfies Array<[RegExp, boolean]> : []),
    [/^longest task from page load to the first row$/, false],
    [/^longest task from the first row until all 603 rows are live$/, false],
    [/^longest task while the shell warms up \(wizard, Monaco\)$/, false],
    [/^busiest task while the shell warms up \(wizard, Monaco\): its main-thread CPU$/, false],
    [/^first Edit Mode, shell idle → Monaco shows the manifest$/, false],
    [/^serve started → first row \(portolan-b\)$/, true],
  ];
  expect(figures).toHaveLength(expected.length);
  for (const [pattern, referenced] of expected) {
    const figure = figures.find((f) => pattern.test(f.name));
    expect(figure, `${pattern} in ${names.join('; ')}`).toBeDefined();
    expect(Number.isFinite(figure!.portolan.median) && figure!.portolan.runs === 1).toBe(true);
    expect(figure!.load.every(Number.isFinite)).toBe(true);
    if (referenced) expect(Number.isFinite(figure!.reference?.stat.median)).toBe(true);
    else expect(figure!.reference).toBeNull();
  }
  // Every change of the burst reached the page's store (kubectl's and the floor's counts are
  // reported, not judged: the server closes watchers that fall behind, and kubectl then stops).
  expect(figures.find((f) => f.name === 'burst of 200: changes received')!.portolan.median).toBe(200);
  expect(figures.find((f) => f.name === 'burst of 200: changes received, vs the floor')!.portolan.median).toBe(200);
}, 660_000);
