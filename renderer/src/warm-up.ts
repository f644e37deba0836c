// What the first click on Create Service and on Edit Mode would otherwise wait for: the wizard's
// chunk, Monaco (about 4 MB of script, a few hundred ms to evaluate in one piece: evaluated here in
// layers, editor/monaco-layers.ts) and its YAML worker, loaded once the window has been quiet for a
// while (rows paging in or a burst of changes make it busy), one step per quiet spell so that input
// never waits long behind them.
import { MONACO_LAYERS } from './editor/monaco-layers';

const QUIET_MS = 1000;
/** Between Monaco's layers (each a task under 50 ms) a shorter quiet spell will do. */
const LAYER_QUIET_MS = 250;
/** A performance mark set once everything is warm (the bench waits for it). */
export const WARM_MARK = 'portolan:warm';

/** Resolves once the main thread has been idle (full 50 ms idle periods, no frame pending) for `ms`. */
function quiet(ms: number): Promise<void> {
  if (!('requestIdleCallback' in window)) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve) => {
    let since = performance.now();
    const check = (deadline: IdleDeadline): void => {
      if (deadline.timeRemaining() < 40) since = performance.now();
      if (performance.now() - since >= ms) resolve();
      else requestIdleCallback(check);
    };
    requestIdleCallback(check);
  });
}

export async function warmUpWhenIdle(): Promise<void> {
  try {
    await quiet(QUIET_MS);
    await import('./components/wizard/CreateServiceDialog.vue');
    for (const layer of MONACO_LAYERS) {
      await quiet(LAYER_QUIET_MS);
      await layer();
    }
    await quiet(LAYER_QUIET_MS);
    const { monaco } = await import('./editor/monaco');
    await quiet(QUIET_MS);
    // A YAML model starts the YAML language worker (schema and all); the editor then finds it running.
    const model = monaco.editor.createModel('kind: Service\n', 'yaml');
    await quiet(QUIET_MS);
    model.dispose();
    performance.mark(WARM_MARK);
  } catch {
    // Warming up is an optimisation: whatever failed here is loaded (and reported) when first used.
  }
}
