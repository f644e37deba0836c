// Monaco's modules in layers, for the warm-up to import one by one, each in a quiet spell of its own.
// A module is evaluated once, so each layer evaluates only what the ones before it did not, and the
// editor itself (editor/monaco.ts: the API, its languages and monaco-yaml) finds most of it done. In
// one piece, evaluating Monaco was one task of 80–420 ms: parsing and compiling 3.9 MB of script the
// first time, evaluating it from the code cache after. In these layers the warm-up's longest task
// was 0–68 ms on first loads (6 pages; 211–267 ms in one piece), and none over 50 ms once cached.
// Traced on a page with no cluster (3–4 pages each), the busiest layer took 52–53 ms of CPU with
// seven layers and 26–38 ms with the fourteen below; the warm-up ends about 4 s later (13.6 s after
// load instead of 9.6 s), and Monaco comes in 64 script chunks instead of 28.
export const MONACO_LAYERS: Array<() => Promise<unknown>> = [
  () => import('monaco-editor/editor/common/config/editorOptions'),
  // Languages, colours and context keys: a good part of what the text model would evaluate with it.
  () => import('monaco-editor/editor/common/languages'),
  () => import('monaco-editor/platform/theme/common/colorUtils'),
  () => import('monaco-editor/platform/contextkey/common/contextkey'),
  () => import('monaco-editor/editor/common/model/textModel'),
  () => import('monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'),
  () => import('monaco-editor/editor/standalone/browser/standaloneServices'),
  () => import('monaco-editor/editor/editor.api'),
  // monaco-yaml's worker manager imports every editor contribution (internal/common/workers.js):
  // about 2 MB of script in one layer (the busiest), evaluated first in four parts, in its order.
  () => import('./contributions/basics'),
  () => import('./contributions/find-folding-inline-completions'),
  () => import('./contributions/hover-navigation-editing'),
  () => import('./contributions/suggest-quick-access'),
  () => import('monaco-yaml'),
];
