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
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import bundledSchema from './service.schema.json';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'yaml') return new YamlWorker();
    return new EditorWorker();
  },
};

const SCHEMA_URI = 'portolan://schemas/service.json';

const yaml = configureMonacoYaml(monaco, { enableSchemaRequest: false, validate: true, hover: true, completion: true, schemas: [] });

/** Validate, complete and document manifests (YAML and JSON) with a Service schema (the bundled one by default). */
export function useServiceSchema(schema: object): void {
  yaml.update({ schemas: [{ uri: SCHEMA_URI, fileMatch: ['**'], schema: schema as never }] });
  jsonDefaults.setDiagnosticsOptions({
    validate: true, enableSchemaRequest: false, schemaValidation: 'error', schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema }],
  });
}
useServiceSchema(bundledSchema);

export { monaco };
