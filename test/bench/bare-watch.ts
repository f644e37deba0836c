// The burst's floor, run as its own process: a bare watch of a namespace's Services with the client
// core uses (no cache, no rows, no batching), printing "<label> <epoch ms>" for each bench label it
// sees. What is left of a change's latency here is the API server's and the machine's, not Portolan's.
// A watch the server ends (it closes watchers that fall behind) is resumed from the last
// resourceVersion seen, as any correct client does.
//   node --import tsx test/bench/bare-watch.ts KUBECONFIG CONTEXT NAMESPACE
import { clientFor } from './bench-client';

const [kubeconfig, context, namespace] = process.argv.slice(2);
const client = clientFor(kubeconfig!, context!);
const path = `/api/v1/namespaces/${namespace}/services`;
let resourceVersion = (await client.json<{ metadata: { resourceVersion: string } }>('GET', path, { query: { limit: 1 } })).metadata.resourceVersion;
let said = false;
for (;;) {
  const response = await client.stream(path, { query: { watch: 1, resourceVersion }, timeoutMs: 30_000 });
  if (!said) process.stdout.write('watching\n');
  said = true;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body!) {
    const at = performance.timeOrigin + performance.now();
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const event = JSON.parse(buffer.slice(0, newline)) as { object?: { metadata?: { resourceVersion?: string; labels?: Record<string, string> } } };
      buffer = buffer.slice(newline + 1);
      resourceVersion = event.object?.metadata?.resourceVersion ?? resourceVersion;
      const label = event.object?.metadata?.labels?.bench;
      if (label) process.stdout.write(`${label} ${at}\n`);
      newline = buffer.indexOf('\n');
    }
  }
}
