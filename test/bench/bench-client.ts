// A client of one context of a kubeconfig file, as core makes them: what the bench's own requests
// (the floors, the burst's patches) go through.
import { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../../electron/core/kube/kube-client';

export function clientFor(kubeconfig: string, context: string): KubeClient {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfig);
  config.setCurrentContext(context);
  return new KubeClient(config);
}
