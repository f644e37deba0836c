// English strings. zh-CN.ts must have exactly the same keys (the type below enforces it).
const en = {
  app: {
    name: 'Portolan',
    tagline: 'Kubernetes Services across clusters',
    language: 'Language',
    skipToContent: 'Skip to content',
  },
  sidebar: {
    label: 'Clusters',
    contexts: 'Contexts',
    count: '{n} contexts | {n} context | {n} contexts',
    loading: 'Reading kubeconfig…',
    empty: 'No contexts found. Add a kubeconfig file or set KUBECONFIG.',
    current: 'current',
    fileMissing: 'missing',
    fileInvalid: 'invalid',
    loadFailed: 'Could not read the kubeconfig: {message}',
    auth: {
      token: 'token',
      'client-certificate': 'client certificate',
      basic: 'basic auth',
      exec: 'exec plugin',
      oidc: 'OIDC',
      'auth-provider': 'auth provider',
      none: 'no credentials',
    },
  },
  home: {
    title: 'Services',
    noClusterTitle: 'No cluster selected',
    noClusterBody: 'Pick a context in the sidebar to see its Services, or draft a Service offline.',
    version: 'Portolan {app} · Node {node} · {transport}',
  },
};

export default en;
export type MessageSchema = typeof en;
