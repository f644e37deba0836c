// One Service, live, for the detail page. Opened directly (a reload, a link), its context may still
// be connecting: the subscription is retried (asking the connection to open) every `retryMs`, up to
// `attempts` times, then the page says it gave up and offers to try again. A page away longer than
// core keeps subscriptions follows the Service again.
import { onBeforeUnmount, ref, type Ref } from 'vue';
import type { ServiceDetail } from '../../../../electron/api/types';
import type { Live } from '../../api/live';
import { api, subscribe } from '../../api/portolan';

export interface DetailFollow {
  detail: Ref<ServiceDetail | null>;
  /** Why the last attempt failed (null once following). */
  error: Ref<string | null>;
  /** The attempts ran out without reaching the context. */
  gaveUp: Ref<boolean>;
  /** Starts (again) from the first attempt. */
  follow(): Promise<void>;
  close(): void;
}

export function followServiceDetail(target: { context: string; namespace: string; name: string }, { attempts = 40, retryMs = 500 } = {}): DetailFollow {
  const detail = ref<ServiceDetail | null>(null);
  const error = ref<string | null>(null);
  const gaveUp = ref(false);
  let live: Live | null = null;
  let closed = false;

  async function follow(): Promise<void> {
    gaveUp.value = false;
    for (let attempt = 0; attempt < attempts && !closed; attempt += 1) {
      live?.close(); // a retry replaces the subscription it follows
      const current = subscribe({ kind: 'serviceDetail', ...target }, {
        onData: (next) => (detail.value = next),
        onStatus: (status) => {
          if (status.phase === 'stopped' && status.error?.kind === 'released' && live === current && !closed) void follow();
        },
      });
      live = current;
      try {
        await current.started;
        error.value = null;
        return;
      } catch (e) {
        error.value = (e as Error).message;
        await api.connect({ context: target.context }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, retryMs));
      }
    }
    if (!closed && !detail.value) gaveUp.value = true;
  }

  function close(): void {
    closed = true;
    live?.close();
  }

  return { detail, error, gaveUp, follow, close };
}

/** followServiceDetail for a component: started now, closed when it unmounts. */
export function useServiceDetail(target: { context: string; namespace: string; name: string }): DetailFollow {
  const follow = followServiceDetail(target);
  void follow.follow();
  onBeforeUnmount(follow.close);
  return follow;
}
