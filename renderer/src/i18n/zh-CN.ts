import type { MessageSchema } from './en';

const zhCN: MessageSchema = {
  app: {
    name: 'Portolan',
    tagline: '跨集群管理 Kubernetes 服务',
    language: '语言',
    skipToContent: '跳到主要内容',
  },
  sidebar: {
    label: '集群',
    contexts: '上下文',
    count: '{n} 个上下文',
    loading: '正在读取 kubeconfig…',
    empty: '没有找到上下文。请添加 kubeconfig 文件或设置 KUBECONFIG。',
    current: '当前',
    fileMissing: '不存在',
    fileInvalid: '无效',
    loadFailed: '无法读取 kubeconfig：{message}',
    auth: {
      token: '令牌',
      'client-certificate': '客户端证书',
      basic: '基本认证',
      exec: 'exec 插件',
      oidc: 'OIDC',
      'auth-provider': '认证提供者',
      none: '无凭据',
    },
  },
  home: {
    title: '服务',
    noClusterTitle: '未选择集群',
    noClusterBody: '在侧边栏中选择一个上下文以查看其服务，或离线起草服务。',
    version: 'Portolan {app} · Node {node} · {transport}',
  },
};

export default zhCN;
