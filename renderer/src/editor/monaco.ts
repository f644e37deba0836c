// Monaco, loaded on demand (dynamic import of this module): the editor core, YAML highlighting and
// the JSON language service validating against the Service schema, with workers bundled by Vite, so
// it runs under the app's CSP (no eval, no remote loader) from file:// in Electron and from the
// browser transport alike.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/language/json/monaco.contribution';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import bundledSchema from './service.schema.json';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

const SCHEMA_URI = 'portolan://schemas/service.json';

/** Validate, complete and document JSON manifests with a Service schema (the bundled one by default). */
export function useServiceSchema(schema: object): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true, enableSchemaRequest: false, schemaValidation: 'error', schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema }],
  });
}
useServiceSchema(bundledSchema);

export { monaco };
