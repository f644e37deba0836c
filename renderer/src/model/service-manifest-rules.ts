// What the API server checks when a Service is created (pkg/apis/core/validation ValidateServiceCreate,
// after the v1 defaults), run on the whole manifest, so fields the form does not show are checked too.
// Where the answer depends on the server's version the rules follow it; where only the cluster knows
// (its Service CIDR, IP families, node port range, free ports) a problem says so and does not block:
// the server's answer then shows on the field. A differential test holds these rules to a real API
// server (test/integration/manifest-rules-vs-server.test.ts). Pure: no Vue, no DOM.
import { cidrProblem, isIp, isSpecialIp } from './ip-syntax';
import {
  dns1035LabelProblems, dns1123LabelProblems, dns1123SubdomainProblems, isIanaServiceName, labelKeyProblems, labelValueProblems, NODE_PORT_RANGE,
} from './k8s-names';
import { schemaProblems, type Schema } from './schema-check';

export interface ManifestProblem {
  /** The field as the API server names it: spec.ports[0].nodePort. */
  path: string;
  /** Translated as wizard.problem.<code with dots as underscores>. */
  code: string;
  params?: Record<string, string | number>;
  /** Only the cluster can tell: shown, but creating is not blocked. */
  clusterDecides?: true;
}

export interface ManifestRuleOptions {
  /** The connected server's version (v1.37.2); null offline, where the strictest rules apply. */
  serverVersion: string | null;
  /** The Service schema to check field names and types against (the cluster's own, or the bundled one). */
  schema: Schema;
  /** An existing Service is edited: its cluster IPs and IP families are the cluster's own, not a question. */
  existing?: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** The minor version of a server version such as v1.37.2 (null when unknown). */
export function serverMinor(version: string | null): number | null {
  const match = /^v?1\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : null;
}

export function validateServiceManifest(manifest: unknown, options: ManifestRuleOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (path: string, code: string, params?: ManifestProblem['params'], clusterDecides?: true): void => {
    problems.push({ path, code, ...(params ? { params } : {}), ...(clusterDecides ? { clusterDecides } : {}) });
  };
  // Decoding: the server refuses unknown fields (kubectl's Strict) and wrong types before any rule.
  const decoding = schemaProblems(manifest, options.schema);
  for (const p of decoding) add(p.path, p.code, p.params);
  if (!isObj(manifest)) return problems;
  const minor = serverMinor(options.serverVersion);
  const strictIp = minor === null || minor >= 36; // StrictIPCIDRValidation, on by default from 1.36
  const meta = isObj(manifest.metadata) ? manifest.metadata : {};
  const spec = isObj(manifest.spec) ? manifest.spec : {};
  const wrongType = new Set(decoding.map((p) => p.path));
  const str = (value: unknown): string => (typeof value === 'string' ? value : '');

  // metadata
  const name = str(meta.name);
  if (name === '' && str(meta.generateName) === '') add('metadata.name', 'name.required');
  else if (name !== '') {
    // KEP-5311: from 1.36 a Service name is a DNS-1123 label (it may start with a digit).
    const relaxed = minor !== null && minor >= 36;
    for (const code of relaxed ? dns1123LabelProblems(name) : dns1035LabelProblems(name)) add('metadata.name', `name.${code}`);
  }
  mapProblems(meta.labels, 'metadata.labels', true, add);
  mapProblems(meta.annotations, 'metadata.annotations', false, add);
  if (isObj(meta.annotations)) {
    const size = Object.entries(meta.annotations).reduce((n, [k, v]) => n + k.length + (typeof v === 'string' ? new TextEncoder().encode(v).length : 0), 0);
    if (size > MAX_ANNOTATIONS_BYTES) add('metadata.annotations', 'annotations.tooLong', { max: MAX_ANNOTATIONS_BYTES });
  }

  // spec, with the v1 defaults the server applies first
  const type = spec.type === undefined ? 'ClusterIP' : str(spec.type);
  if (!TYPES.includes(type)) add('spec.type', 'notSupported', { values: TYPES.join(', ') });
  const clusterIP = str(spec.clusterIP);
  const headless = clusterIP === 'None';
  const ports = Array.isArray(spec.ports) ? spec.ports.filter(isObj) : [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') add('spec.ports', 'ports.required');
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) add('spec.clusterIP', 'clusterIP.noneWithType', { type });

  if (type === 'ExternalName') {
    if (clusterIP !== '' || Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) add('spec.clusterIP', 'externalName.noClusterIP');
    if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0) add('spec.ipFamilies', 'notForExternalName');
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) add('spec.ipFamilyPolicy', 'notForExternalName');
    // A trailing dot marks the name fully qualified.
    for (const code of dns1123SubdomainProblems(str(spec.externalName).replace(/\.$/, ''))) add('spec.externalName', `externalName.${code}`);
  } else {
    // The cluster's own allocations on an existing Service are not questions for it.
    clusterIpProblems(spec, strictIp, options.existing ? (path, code, params, clusterDecides) => { if (!clusterDecides) add(path, code, params); } : add);
  }

  const names = new Set<string>();
  const portKeys = new Set<string>();
  const nodePortKeys = new Set<string>();
  ports.forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    const portName = str(port.name);
    if (ports.length > 1 && portName === '') add(`${at}.name`, 'portName.required');
    else if (portName !== '') {
      if (dns1123LabelProblems(portName).length > 0) add(`${at}.name`, 'portName.invalid');
      if (names.has(portName)) add(`${at}.name`, 'portName.duplicate', { name: portName });
      names.add(portName);
    }
    const number = port.port;
    if (!wrongType.has(`${at}.port`)) {
      if (number === undefined || number === null) add(`${at}.port`, 'port.required');
      else if (typeof number === 'number' && (number < 1 || number > 65535)) add(`${at}.port`, 'port.range');
    }
    const protocol = port.protocol === undefined ? 'TCP' : str(port.protocol);
    if (!PROTOCOLS.includes(protocol)) add(`${at}.protocol`, 'notSupported', { values: PROTOCOLS.join(', ') });
    const target = port.targetPort;
    if (typeof target === 'number' && target !== 0 && (target < 1 || target > 65535)) add(`${at}.targetPort`, 'targetPort.range');
    if (typeof target === 'string' && target !== '' && !isIanaServiceName(target)) add(`${at}.targetPort`, /^-?\d+$/.test(target) ? 'targetPort.quotedNumber' : 'targetPort.name');
    if (typeof port.appProtocol === 'string' && qualifiedNameProblem(port.appProtocol)) add(`${at}.appProtocol`, 'qualifiedName.invalid');
    const key = `${protocol}/${String(number)}`;
    if (portKeys.has(key)) add(`${at}.port`, 'port.duplicate', { port: String(number), protocol });
    portKeys.add(key);
    const nodePort = typeof port.nodePort === 'number' ? port.nodePort : 0;
    if (nodePort !== 0) {
      if (type === 'ClusterIP') add(`${at}.nodePort`, 'nodePort.clusterIP');
      const nodeKey = `${protocol}/${nodePort}`;
      if (nodePortKeys.has(nodeKey)) add(`${at}.nodePort`, 'nodePort.duplicate', { port: nodePort });
      nodePortKeys.add(nodeKey);
      if (type !== 'ClusterIP' && (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max)) add(`${at}.nodePort`, 'nodePort.outsideDefaultRange', NODE_PORT_RANGE, true);
    }
  });

  mapProblems(spec.selector, 'spec.selector', true, add);
  affinityProblems(spec, add);
  externalIpProblems(spec, strictIp, add);
  trafficProblems(spec, type, minor, add);
  loadBalancerProblems(spec, type, strictIp, add);
  return problems;
}

type Add = (path: string, code: string, params?: ManifestProblem['params'], clusterDecides?: true) => void;

/** Labels (and selectors): keys are qualified names, values label values. Annotations: keys only. */
function mapProblems(map: unknown, path: string, labelValues: boolean, add: Add): void {
  if (!isObj(map)) return;
  for (const [key, value] of Object.entries(map)) {
    const at = `${path}[${key}]`;
    for (const code of labelKeyProblems(key)) add(at, `labelKey.${code}`);
    if (labelValues && typeof value === 'string') for (const code of labelValueProblems(value)) add(at, `labelValue.${code}`);
  }
}

function qualifiedNameProblem(value: string): boolean {
  return labelKeyProblems(value).length > 0;
}

function clusterIpProblems(spec: Obj, strict: boolean, add: Add): void {
  const clusterIP = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  const clusterIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(String) : [];
  if (clusterIP !== '' && clusterIPs.length > 0 && clusterIPs[0] !== clusterIP) add('spec.clusterIPs', 'clusterIPs.mismatch');
  if (clusterIP === '' && clusterIPs.length > 0) add('spec.clusterIPs', 'clusterIPs.withoutClusterIP');
  const ips = clusterIPs.length > 0 ? clusterIPs : clusterIP !== '' ? [clusterIP] : [];
  ips.forEach((ip, i) => {
    const at = clusterIPs.length > 0 ? `spec.clusterIPs[${i}]` : 'spec.clusterIP';
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) add(at, 'clusterIPs.noneAlone');
    } else if (!isIp(ip, strict)) add(at, 'ip.invalid', { value: ip });
    else add(at, 'ip.inServiceCidr', { value: ip }, true);
  });
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
  const seen = new Set<unknown>();
  families.forEach((family, i) => {
    if (family !== 'IPv4' && family !== 'IPv6') add(`spec.ipFamilies[${i}]`, 'notSupported', { values: 'IPv4, IPv6' });
    else if (seen.has(family)) add(`spec.ipFamilies[${i}]`, 'ipFamily.duplicate');
    else if (family === 'IPv6' || families.length > 1) add(`spec.ipFamilies[${i}]`, 'ipFamily.clusterDecides', { family }, true);
    seen.add(family);
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && policy !== null) {
    if (!['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(String(policy))) add('spec.ipFamilyPolicy', 'notSupported', { values: 'PreferDualStack, RequireDualStack, SingleStack' });
    else if (policy === 'RequireDualStack') add('spec.ipFamilyPolicy', 'ipFamily.clusterDecides', { family: 'IPv4 + IPv6' }, true);
  }
}

function affinityProblems(spec: Obj, add: Add): void {
  const affinity = spec.sessionAffinity === undefined ? 'None' : String(spec.sessionAffinity);
  if (affinity !== 'None' && affinity !== 'ClientIP') add('spec.sessionAffinity', 'notSupported', { values: 'ClientIP, None' });
  // With None the v1 defaults clear sessionAffinityConfig (pkg/apis/core/v1/defaults.go): no problem.
  const config = spec.sessionAffinityConfig;
  const timeout = isObj(config) && isObj(config.clientIP) ? config.clientIP.timeoutSeconds : undefined;
  if (affinity === 'ClientIP' && typeof timeout === 'number' && (timeout < 1 || timeout > 86400)) {
    add('spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'sessionAffinityTimeout.range', { min: 1, max: 86400 });
  }
}

function externalIpProblems(spec: Obj, strict: boolean, add: Add): void {
  (Array.isArray(spec.externalIPs) ? spec.externalIPs : []).forEach((ip, i) => {
    const value = String(ip);
    if (!isIp(value, strict)) add(`spec.externalIPs[${i}]`, 'ip.invalid', { value });
    else if (isSpecialIp(value)) add(`spec.externalIPs[${i}]`, 'ip.special', { value });
  });
}

function trafficProblems(spec: Obj, type: string, minor: number | null, add: Add): void {
  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  const policy = spec.externalTrafficPolicy;
  if (policy !== undefined && policy !== null && policy !== '') {
    if (!external) add('spec.externalTrafficPolicy', 'externalTrafficPolicy.notExternal');
    else if (policy !== 'Cluster' && policy !== 'Local') add('spec.externalTrafficPolicy', 'notSupported', { values: 'Cluster, Local' });
  }
  const health = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
  const needsHealthCheck = type === 'LoadBalancer' && policy === 'Local';
  if (health !== 0 && !needsHealthCheck) add('spec.healthCheckNodePort', 'healthCheckNodePort.onlyLocal');
  if (health !== 0 && needsHealthCheck && (health < 1 || health > 65535)) add('spec.healthCheckNodePort', 'port.range');
  const internal = spec.internalTrafficPolicy;
  if (internal !== undefined && internal !== null && internal !== 'Cluster' && internal !== 'Local') add('spec.internalTrafficPolicy', 'notSupported', { values: 'Cluster, Local' });
  const distribution = spec.trafficDistribution;
  if (distribution !== undefined && distribution !== null) {
    // PreferSameTrafficDistribution: PreferSameZone and PreferSameNode from 1.34.
    const values = minor === null || minor >= 34 ? ['PreferClose', 'PreferSameNode', 'PreferSameZone'] : ['PreferClose'];
    if (!values.includes(String(distribution))) add('spec.trafficDistribution', 'notSupported', { values: values.join(', ') });
  }
}

function loadBalancerProblems(spec: Obj, type: string, strict: boolean, add: Add): void {
  const lb = type === 'LoadBalancer';
  const ranges = Array.isArray(spec.loadBalancerSourceRanges) ? spec.loadBalancerSourceRanges : [];
  if (ranges.length > 0 && !lb) add('spec.loadBalancerSourceRanges', 'onlyLoadBalancer');
  ranges.forEach((range, i) => {
    // The server allows spaces around each value (a historical accident it keeps).
    const problem = cidrProblem(String(range).trim(), strict);
    if (problem) add(`spec.loadBalancerSourceRanges[${i}]`, problem, { value: String(range) });
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && !lb) add('spec.allocateLoadBalancerNodePorts', 'onlyLoadBalancer');
  const lbClass = spec.loadBalancerClass;
  if (lbClass !== undefined && lbClass !== null) {
    if (!lb) add('spec.loadBalancerClass', 'onlyLoadBalancer');
    else if (qualifiedNameProblem(String(lbClass))) add('spec.loadBalancerClass', 'qualifiedName.invalid');
  }
}
