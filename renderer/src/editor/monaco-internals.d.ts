// Monaco's inner modules, which ship no types: editor/monaco-layers.ts imports them only to evaluate
// them ahead of time. (editor/editor.api, which has types, matches none of these.)
declare module 'monaco-editor/editor/common/*';
declare module 'monaco-editor/editor/browser/*';
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/platform/*';
declare module 'monaco-editor/editor/standalone/*';
