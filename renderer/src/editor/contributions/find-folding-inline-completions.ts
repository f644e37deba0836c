// Monaco's editor contributions (part 2 of 4: find, folding, formatting, inline completions), in the order
// monaco-editor/internal/common/workers.js imports them: a layer of the warm-up (editor/monaco-layers.ts).
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/fontZoom/browser/fontZoom';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/documentSymbols/browser/documentSymbols';
import 'monaco-editor/editor/contrib/inlineCompletions/browser/inlineCompletions.contribution';
