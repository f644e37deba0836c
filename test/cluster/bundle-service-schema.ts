// Regenerates renderer/src/editor/service.schema.json (the editor's offline Service schema) from a
// real API server of the pinned Kubernetes version:  npm run schema:service
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceSchemaFromOpenApi } from '../../electron/core/services/service-schema';
import { startClusters, stopClusters } from './clusters';

const dir = mkdtempSync(join(tmpdir(), 'portolan-schema-'));
const set = await startClusters({ count: 1, dir });
try {
  const openapi = JSON.parse(await set.clusters[0]!.kubectl(['get', '--raw', '/openapi/v3/api/v1']));
  const schema = serviceSchemaFromOpenApi(openapi);
  const file = join(process.cwd(), 'renderer', 'src', 'editor', 'service.schema.json');
  writeFileSync(file, `${JSON.stringify({ ...schema, $comment: `Kubernetes ${set.clusters[0]!.binaries.kubernetesVersion}, made by npm run schema:service` })}\n`);
  console.log(`wrote ${file} (${Object.keys(schema.definitions as object).length} definitions)`);
} finally {
  await stopClusters(dir);
}
