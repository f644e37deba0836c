// Monaco, loaded on demand (dynamic import of this module): only the editor core, YAML highlighting and
// the JSON language service, with workers bundled by Vite, so it runs under the app's CSP (no eval,
// no remote loader) from file:// in Electron and from the browser transport alike.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export { monaco };
