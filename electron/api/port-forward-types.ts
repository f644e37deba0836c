// Port forwards: a local port on 127.0.0.1 that reaches a Service's pods, as `kubectl port-forward
// svc/NAME` does.
import type { Explanation } from './explanations';

export interface PortForwardInfo {
  id: string;
  context: string;
  namespace: string;
  service: string;
  /** The Service port forwarded (its number and protocol). */
  servicePort: number;
  localPort: number;
  /** http://127.0.0.1:<localPort>, to open or copy. */
  url: string;
  /** The ready pod connections go to now, and its port; null while there is none. */
  pod: string | null;
  targetPort: number | null;
  /** 'waiting': no ready pod right now (connections are refused until there is one, see `problem`). */
  state: 'active' | 'waiting';
  problem: Explanation | null;
  /** Connections open through it now. */
  connections: number;
}

export type PortForwardResult = { ok: true; forward: PortForwardInfo } | { ok: false; explanation: Explanation };
