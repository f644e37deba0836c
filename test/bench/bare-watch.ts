// The burst's floor, run as its own process: a bare watch of a namespace's Services with the client
// core uses (no cache, no rows, no batching), printing "<label> <epoch ms>" for each bench label it
// sees. What is left of a change's latency here is the API server's and the machine's, not Portolan's.
//   node --import tsx test/bench/bare-watch.ts KUBECONFIG CONTEXT NAMESPACE
import { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../../electron/core/kube/kube-client';

const [kubeconfig, context, namespace] = process.argv.slice(2);
const config = new KubeConfig();
config.loadFromFile(kubeconfig!);
config.setCurrentContext(context!);
const client = new KubeClient(config);
const path = `/api/v1/namespaces/${namespace}/services`;
const list = await client.json<{ metadata: { resourceVersion: string } }>('GET', path, { query: { limit: 1 } });
const response = await client.stream(path, { query: { watch: 1, resourceVersion: list.metadata.resourceVersion }, timeoutMs: 30_000 });
process.stdout.write('watching\n');
const decoder = new TextDecoder();
let buffer = '';
for await (const chunk of response.body!) {
  const at = performance.timeOrigin + performance.now();
  buffer += decoder.decode(chunk as Uint8Array, { stream: true });
  let newline = buffer.indexOf('\n');
  while (newline >= 0) {
    const event = JSON.parse(buffer.slice(0, newline)) as { object?: { metadata?: { labels?: Record<string, string> } } };
    buffer = buffer.slice(newline + 1);
    const label = event.object?.metadata?.labels?.bench;
    if (label) process.stdout.write(`${label} ${at}\n`);
    newline = buffer.indexOf('\n');
  }
}
