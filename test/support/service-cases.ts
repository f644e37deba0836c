// Services the wizard's local rules and a real API server must agree on: a valid base and single
// changes to it, each saying whether the server (v1.37) accepts it. The unit test checks the rules
// against `accepts`; the differential integration test checks `accepts` against a real create, and
// also random combinations of these changes. `cluster` marks the cases only the cluster can decide
// (its Service CIDR, IP families, node port range): the rules must say so instead of blocking.

export type ServiceObject = { apiVersion: 'v1'; kind: 'Service'; metadata: Record<string, unknown>; spec: Record<string, unknown> } & Record<string, unknown>;

export interface ServiceCase {
  name: string;
  change: (s: ServiceObject) => void;
  accepts: boolean;
  /** Why only the cluster can decide (then the rules flag it as clusterDecides, and any outcome is fine). */
  cluster?: string;
  /** Changes that cannot be combined with others (they remove ports or change the type). */
  alone?: true;
}

export function baseService(name: string): ServiceObject {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { app: 'shop' } },
    spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  };
}

const port0 = (s: ServiceObject): Record<string, unknown> => (s.spec.ports as Array<Record<string, unknown>>)[0]!;
const annotate = (s: ServiceObject, key: string, value: string): void => {
  s.metadata.annotations = { ...(s.metadata.annotations as object | undefined), [key]: value };
};
const asType = (type: string) => (s: ServiceObject): void => { s.spec.type = type; };
const externalName = (s: ServiceObject): void => {
  s.spec = { type: 'ExternalName', externalName: 'db.example.com' };
};

export const SERVICE_CASES: ServiceCase[] = [
  // What the server accepts (the wizard used to refuse several of these).
  { name: 'an alias over 63 characters', change: (s) => annotate(s, 'kubesphere.io/alias-name', '网'.repeat(80)), accepts: true },
  { name: 'a description over 256 characters', change: (s) => annotate(s, 'kubesphere.io/description', 'd'.repeat(400)), accepts: true },
  { name: 'an externalName with a trailing dot', change: (s) => { externalName(s); s.spec.externalName = 'db.example.com.'; }, accepts: true, alone: true },
  { name: 'a source range with spaces around it', change: (s) => { s.spec.type = 'LoadBalancer'; s.spec.loadBalancerSourceRanges = [' 10.0.0.0/8 ']; }, accepts: true, alone: true },
  { name: 'generateName without name', change: (s) => { delete s.metadata.name; s.metadata.generateName = 'gen-'; }, accepts: true, alone: true },
  { name: 'nodePort: 0 on a ClusterIP Service', change: (s) => { port0(s).nodePort = 0; }, accepts: true },
  { name: 'targetPort: 0', change: (s) => { port0(s).targetPort = 0; }, accepts: true },
  { name: 'a name starting with a digit', change: (s) => { s.metadata.name = `1${String(s.metadata.name)}`; }, accepts: true },
  { name: 'a named targetPort', change: (s) => { port0(s).targetPort = 'http-alt'; }, accepts: true },
  { name: 'appProtocol kubernetes.io/h2c', change: (s) => { port0(s).appProtocol = 'kubernetes.io/h2c'; }, accepts: true },
  { name: 'trafficDistribution PreferClose', change: (s) => { s.spec.trafficDistribution = 'PreferClose'; }, accepts: true },
  { name: 'trafficDistribution PreferSameNode', change: (s) => { s.spec.trafficDistribution = 'PreferSameNode'; }, accepts: true },
  { name: 'internalTrafficPolicy Local', change: (s) => { s.spec.internalTrafficPolicy = 'Local'; }, accepts: true },
  { name: 'a LoadBalancer with a loadBalancerClass', change: (s) => { s.spec.type = 'LoadBalancer'; s.spec.loadBalancerClass = 'example.com/lb'; }, accepts: true, alone: true },
  { name: 'ipFamilies [IPv4] with SingleStack', change: (s) => { s.spec.ipFamilies = ['IPv4']; s.spec.ipFamilyPolicy = 'SingleStack'; }, accepts: true },
  { name: 'an external IP', change: (s) => { s.spec.externalIPs = ['203.0.113.7']; }, accepts: true },
  { name: 'a headless Service without ports', change: (s) => { s.spec.clusterIP = 'None'; delete s.spec.ports; }, accepts: true, alone: true },
  { name: 'ClientIP affinity with a timeout', change: (s) => { s.spec.sessionAffinity = 'ClientIP'; s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 100 } }; }, accepts: true },
  { name: 'a quoted numeric label value', change: (s) => { s.metadata.labels = { version: '1' }; }, accepts: true },
  { name: 'a NodePort Service with externalTrafficPolicy Local', change: (s) => { s.spec.type = 'NodePort'; s.spec.externalTrafficPolicy = 'Local'; }, accepts: true, alone: true },
  { name: 'an empty annotation value', change: (s) => annotate(s, 'example.com/flag', ''), accepts: true },
  { name: 'sessionAffinityConfig with affinity None (the defaults clear it)', change: (s) => { s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 100 } }; }, accepts: true },

  // What the server refuses (the wizard used to let several of these through).
  { name: 'protocol tcp', change: (s) => { port0(s).protocol = 'tcp'; }, accepts: false },
  { name: 'protocol HTTP', change: (s) => { port0(s).protocol = 'HTTP'; }, accepts: false },
  { name: 'type Nodeport', change: asType('Nodeport'), accepts: false },
  { name: 'sessionAffinity clientip', change: (s) => { s.spec.sessionAffinity = 'clientip'; }, accepts: false },
  { name: 'targetPort as a quoted number', change: (s) => { port0(s).targetPort = '8080'; }, accepts: false },
  { name: 'targetPort -1', change: (s) => { port0(s).targetPort = -1; }, accepts: false },
  { name: 'port as a quoted number', change: (s) => { port0(s).port = '80'; }, accepts: false },
  { name: 'port 70000', change: (s) => { port0(s).port = 70000; }, accepts: false },
  { name: 'a nodePort on a ClusterIP Service', change: (s) => { port0(s).nodePort = 30080; }, accepts: false },
  { name: 'the same nodePort twice', change: (s) => { s.spec.type = 'NodePort'; s.spec.ports = [{ name: 'a', port: 80, nodePort: 30123 }, { name: 'b', port: 81, nodePort: 30123 }]; }, accepts: false, alone: true },
  { name: 'clusterIP None with NodePort', change: (s) => { s.spec.type = 'NodePort'; s.spec.clusterIP = 'None'; }, accepts: false, alone: true },
  { name: 'clusterIP None with LoadBalancer', change: (s) => { s.spec.type = 'LoadBalancer'; s.spec.clusterIP = 'None'; }, accepts: false, alone: true },
  { name: 'externalTrafficPolicy on ClusterIP', change: (s) => { s.spec.externalTrafficPolicy = 'Local'; }, accepts: false },
  { name: 'externalTrafficPolicy local (lowercase)', change: (s) => { s.spec.type = 'NodePort'; s.spec.externalTrafficPolicy = 'local'; }, accepts: false, alone: true },
  { name: 'loadBalancerSourceRanges on a NodePort Service', change: (s) => { s.spec.type = 'NodePort'; s.spec.loadBalancerSourceRanges = ['10.0.0.0/8']; }, accepts: false, alone: true },
  { name: 'a source range with host bits set', change: (s) => { s.spec.type = 'LoadBalancer'; s.spec.loadBalancerSourceRanges = ['10.0.0.1/8']; }, accepts: false, alone: true },
  { name: 'an invalid annotation key', change: (s) => annotate(s, 'bad key', 'x'), accepts: false },
  { name: 'annotations over 256 KiB', change: (s) => annotate(s, 'example.com/big', 'x'.repeat(270_000)), accepts: false },
  { name: 'a numeric label value', change: (s) => { s.metadata.labels = { version: 1 }; }, accepts: false },
  { name: 'a label value with a space', change: (s) => { s.metadata.labels = { app: 'my shop' }; }, accepts: false },
  { name: 'ipFamilies IPv5', change: (s) => { s.spec.ipFamilies = ['IPv5']; }, accepts: false },
  { name: 'ipFamilyPolicy Single', change: (s) => { s.spec.ipFamilyPolicy = 'Single'; }, accepts: false },
  { name: 'a malformed clusterIP', change: (s) => { s.spec.clusterIP = '10.0.0'; }, accepts: false },
  { name: 'a clusterIP with a leading zero', change: (s) => { s.spec.clusterIP = '10.0.0.010'; }, accepts: false },
  { name: 'an external IP that is not an IP', change: (s) => { s.spec.externalIPs = ['not-an-ip']; }, accepts: false },
  { name: 'a loopback external IP', change: (s) => { s.spec.externalIPs = ['127.0.0.1']; }, accepts: false },
  { name: 'externalName with a clusterIP', change: (s) => { externalName(s); s.spec.clusterIP = '10.96.0.50'; }, accepts: false, alone: true },
  { name: 'externalName with ipFamilies', change: (s) => { externalName(s); s.spec.ipFamilies = ['IPv4']; }, accepts: false, alone: true },
  { name: 'healthCheckNodePort on ClusterIP', change: (s) => { s.spec.healthCheckNodePort = 30555; }, accepts: false },
  { name: 'internalTrafficPolicy local (lowercase)', change: (s) => { s.spec.internalTrafficPolicy = 'local'; }, accepts: false },
  { name: 'trafficDistribution Nearest', change: (s) => { s.spec.trafficDistribution = 'Nearest'; }, accepts: false },
  { name: 'appProtocol with a space', change: (s) => { port0(s).appProtocol = 'my proto'; }, accepts: false },
  { name: 'loadBalancerClass on ClusterIP', change: (s) => { s.spec.loadBalancerClass = 'example.com/lb'; }, accepts: false },
  { name: 'allocateLoadBalancerNodePorts on ClusterIP', change: (s) => { s.spec.allocateLoadBalancerNodePorts = false; }, accepts: false },
  { name: 'ClientIP affinity with a timeout over a day', change: (s) => { s.spec.sessionAffinity = 'ClientIP'; s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 86401 } }; }, accepts: false },
  { name: 'an unknown field spec.template', change: (s) => { s.spec.template = {}; }, accepts: false },
  { name: 'an unknown field AppProtocol (wrong case)', change: (s) => { port0(s).AppProtocol = 'http'; }, accepts: false },
  { name: 'an uppercase name', change: (s) => { s.metadata.name = `W${String(s.metadata.name)}`; }, accepts: false },
  { name: 'two ports, one without a name', change: (s) => { s.spec.ports = [{ name: 'a', port: 80 }, { port: 81 }]; }, accepts: false },
  { name: 'the same port twice', change: (s) => { s.spec.ports = [{ name: 'a', port: 80 }, { name: 'b', port: 80 }]; }, accepts: false },
  { name: 'no ports on a Virtual IP Service', change: (s) => { delete s.spec.ports; }, accepts: false, alone: true },

  // Only the cluster knows.
  { name: 'a clusterIP of our choosing', change: (s) => { s.spec.clusterIP = '10.0.0.77'; }, accepts: true, cluster: 'whether it is in the Service CIDR and free' },
  { name: 'ipFamilies [IPv6]', change: (s) => { s.spec.ipFamilies = ['IPv6']; }, accepts: false, cluster: 'whether the cluster serves IPv6' },
  { name: 'a nodePort outside 30000-32767', change: (s) => { s.spec.type = 'NodePort'; port0(s).nodePort = 8080; }, accepts: false, cluster: 'its --service-node-port-range', alone: true },
];
