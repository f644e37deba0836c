// npm run cluster:up -- --clusters 2 --dir DIR   |   npm run cluster:down -- --dir DIR
import { parseArgs } from 'node:util';
import { startClusters, stopClusters } from './clusters.ts';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { clusters: { type: 'string', default: '1' }, dir: { type: 'string', default: '.clusters' } },
});

if (command === 'up') {
  const count = Number(values.clusters);
  if (!Number.isInteger(count) || count < 1 || count > 26) {
    console.error('--clusters takes a whole number from 1 to 26');
    process.exit(2);
  }
  const began = performance.now();
  const set = await startClusters({ count, dir: values.dir });
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  for (const c of set.clusters) console.log(`${c.name}  ${c.server}`);
  console.log(`${count} cluster(s) up in ${seconds} s; kubeconfig: ${set.kubeconfig}`);
  console.log(`stop them with: npm run cluster:down -- --dir ${values.dir}`);
} else if (command === 'down') {
  await stopClusters(values.dir);
  console.log(`stopped the clusters in ${values.dir}`);
} else {
  console.error('usage: cli.ts up --clusters N --dir DIR | cli.ts down --dir DIR');
  process.exit(2);
}
