// One real Kubernetes control plane for tests: etcd, kube-apiserver, kube-controller-manager,
// kube-scheduler and the kwok controller (which plays the kubelet: a fake node, pods Running and Ready
// with IPs, so EndpointSlices fill in). Every component is an upstream binary run on 127.0.0.1.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { ClusterBinaries } from './binaries.ts';
import { createPki, type ClusterPki } from './pki.ts';
import { freePort, isAlive, startProcess, stopProcess, tailLog, type ComponentProcess } from './processes.ts';

export type ComponentName = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kwok';

/** Everything needed to find, use and stop a running cluster, also from another process. */
export interface ClusterState {
  name: string;
  dir: string;
  server: string;
  etcdEndpoint: string;
  pki: ClusterPki;
  /** A kubeconfig with only this cluster's admin context; components use it too. */
  adminKubeconfig: string;
  /**
   * Where kwok sends every port-forward to any pod (its ClusterPortForward): a port on 127.0.0.1 that
   * a test listens on, so that `kubectl port-forward` and Portolan reach a real server through kwok.
   */
  portForwardTarget: number;
  processes: Partial<Record<ComponentName, ComponentProcess>>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Each cluster's own state file, in its folder. */
export const CLUSTER_STATE_FILE = 'state.json';

/** The cluster's current state as its last writer left it (falls back to what the caller knew). */
export function currentState(known: ClusterState): ClusterState {
  try {
    return JSON.parse(readFileSync(join(known.dir, CLUSTER_STATE_FILE), 'utf8')) as ClusterState;
  } catch {
    return known;
  }
}

export class TestCluster {
  readonly state: ClusterState;
  readonly binaries: ClusterBinaries;

  constructor(state: ClusterState, binaries: ClusterBinaries) {
    this.state = state;
    this.binaries = binaries;
  }

  get name(): string {
    return this.state.name;
  }

  get server(): string {
    return this.state.server;
  }

  /** Starts a new cluster in `dir` (created if needed); resolves once pods can run on its node. */
  static async start(name: string, dir: string, binaries: ClusterBinaries): Promise<TestCluster> {
    mkdirSync(dir, { recursive: true });
    const [etcdClient, etcdPeer, apiPort, portForwardTarget] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const pki = createPki(join(dir, 'pki'));
    const state: ClusterState = {
      name,
      dir,
      server: `https://127.0.0.1:${apiPort}`,
      etcdEndpoint: `http://127.0.0.1:${etcdClient}`,
      pki,
      adminKubeconfig: join(dir, 'admin.kubeconfig'),
      portForwardTarget,
      processes: {},
    };
    writeFileSync(state.adminKubeconfig, adminKubeconfigYaml(state));
    const cluster = new TestCluster(state, binaries);
    try {
      cluster.startEtcd(etcdPeer);
      await cluster.waitFor('etcd', () => httpOk(`${state.etcdEndpoint}/health`));
      cluster.startApiServer();
      await cluster.waitFor('kube-apiserver', () => cluster.apiOk('/readyz'));
      await cluster.startControllers();
      await cluster.kubectl(['apply', '-f', '-'], fakeNodeYaml());
      await cluster.waitFor('node Ready', async () =>
        (await cluster.kubectl(['get', 'node', 'kwok-node-0', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'])) === 'True');
      await cluster.waitFor('default ServiceAccount', async () => {
        await cluster.kubectl(['get', 'serviceaccount', 'default', '-n', 'default']);
        return true;
      });
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private startEtcd(peerPort: number): void {
    const { dir, etcdEndpoint } = this.state;
    const peer = `http://127.0.0.1:${peerPort}`;
    this.launch('etcd', this.binaries.etcd, [
      `--name=${this.name}`,
      `--data-dir=${join(dir, 'etcd')}`,
      `--listen-client-urls=${etcdEndpoint}`,
      `--advertise-client-urls=${etcdEndpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=${this.name}=${peer}`,
      '--unsafe-no-fsync=true',
      '--quota-backend-bytes=8589934592',
      '--log-level=warn',
    ]);
  }

  /** Starts kube-apiserver (again, after stopApiServer) on the same port and storage. */
  startApiServer(): void {
    const { pki, server, etcdEndpoint } = this.state;
    this.launch('kube-apiserver', this.binaries.kubeApiserver, [
      `--etcd-servers=${etcdEndpoint}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${new URL(server).port}`,
      `--tls-cert-file=${pki.serverCert}`,
      `--tls-private-key-file=${pki.serverKey}`,
      `--client-ca-file=${pki.caCert}`,
      '--authorization-mode=Node,RBAC',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki.serviceAccountPub}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      '--service-cluster-ip-range=10.96.0.0/16',
      '--allow-privileged=true',
      '--enable-priority-and-fairness=false',
      // 1.37 refuses a loopback advertise address for the kubernetes Service's endpoints.
      '--endpoint-reconciler-type=none',
      `--cert-dir=${join(this.state.dir, 'apiserver-certs')}`,
    ]);
  }

  /** Kills kube-apiserver only, as a crash or an unreachable server would look to clients. */
  async stopApiServer(): Promise<void> {
    await this.stopComponent('kube-apiserver');
  }

  async restartApiServer(): Promise<void> {
    this.startApiServer();
    await this.waitFor('kube-apiserver', () => this.apiOk('/readyz'));
  }

  /** Compacts etcd at its current revision: older resourceVersions are gone (watches get 410). */
  async compactEtcd(): Promise<number> {
    const run = (args: string[]): Promise<string> => new Promise((resolve, reject) => {
      execFile(this.binaries.etcdctl, [`--endpoints=${this.state.etcdEndpoint}`, ...args], (error, stdout, stderr) => {
        if (error) reject(new Error(`etcdctl ${args.join(' ')}: ${stderr || error.message}`));
        else resolve(stdout);
      });
    });
    const status = JSON.parse(await run(['endpoint', 'status', '-w', 'json'])) as Array<{ Status: { header: { revision: number } } }>;
    const revision = status[0]!.Status.header.revision;
    await run(['compact', String(revision), '--physical']);
    return revision;
  }

  private async startControllers(): Promise<void> {
    const { pki, adminKubeconfig, dir } = this.state;
    const [kcmPort, schedulerPort, kwokPort] = [await freePort(), await freePort(), await freePort()];
    this.launch('kube-controller-manager', this.binaries.kubeControllerManager, [
      `--kubeconfig=${adminKubeconfig}`,
      `--authentication-kubeconfig=${adminKubeconfig}`,
      `--authorization-kubeconfig=${adminKubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${kcmPort}`,
      '--leader-elect=false',
      `--root-ca-file=${pki.caCert}`,
      `--service-account-private-key-file=${pki.serviceAccountKey}`,
      '--use-service-account-credentials=false',
      '--controllers=*,-node-ipam-controller',
      '--kube-api-qps=1000',
      '--kube-api-burst=1000',
      '--concurrent-replicaset-syncs=20',
    ]);
    this.launch('kube-scheduler', this.binaries.kubeScheduler, [
      `--kubeconfig=${adminKubeconfig}`,
      `--authentication-kubeconfig=${adminKubeconfig}`,
      `--authorization-kubeconfig=${adminKubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${schedulerPort}`,
      '--leader-elect=false',
    ]);
    const stages = join(dir, 'kwok-stages.yaml');
    writeFileSync(stages, `${kwokStages(this.binaries.kwokStages)}---\n${portForwardRule(this.state.portForwardTarget)}`);
    this.launch('kwok', this.binaries.kwok, [
      `--kubeconfig=${adminKubeconfig}`,
      `--config=${stages}`,
      '--manage-all-nodes=true',
      `--tls-cert-file=${pki.adminCert}`,
      `--tls-private-key-file=${pki.adminKey}`,
      '--node-ip=127.0.0.1',
      `--node-port=${kwokPort}`,
      `--server-address=127.0.0.1:${kwokPort}`,
      '--node-lease-duration-seconds=40',
      '--cidr=10.244.0.1/16',
    ]);
  }

  private launch(name: ComponentName, command: string, args: string[]): void {
    this.state.processes[name] = startProcess(name, command, args, join(this.state.dir, `${name}.log`));
    this.persist();
  }

  async stopComponent(name: ComponentName): Promise<void> {
    const proc = this.state.processes[name];
    if (!proc) return;
    await stopProcess(proc.pid);
    delete this.state.processes[name];
    this.persist();
  }

  /**
   * Writes this cluster's state next to its files, on every process change, so that another process
   * (cluster:down, a suite's teardown) stops the API server a test restarted, not the one it killed.
   */
  private persist(): void {
    writeFileSync(join(this.state.dir, CLUSTER_STATE_FILE), JSON.stringify(this.state, null, 2));
  }

  /** Stops every component (controllers first, etcd last) and waits until each is gone. */
  async stop(): Promise<void> {
    const order: ComponentName[] = ['kwok', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd'];
    for (const name of order) await this.stopComponent(name);
  }

  /** Runs the cluster's kubectl as admin; rejects with kubectl's stderr on failure. */
  /** kubectl as admin; `env` adds variables (KUBE_EDITOR for `kubectl edit`). */
  kubectl(args: string[], input?: string, env?: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = execFile(this.binaries.kubectl, [`--kubeconfig=${this.state.adminKubeconfig}`, ...args],
        { maxBuffer: 64 * 1024 * 1024, ...(env ? { env: { ...process.env, ...env } } : {}) }, (error, stdout, stderr) => {
          if (error) reject(new Error(`kubectl ${args.join(' ')} (${this.name}): ${stderr.trim() || error.message}`));
          else resolve(stdout.trim());
        });
      child.stdin?.end(input ?? '');
    });
  }

  /** GET on the API server as admin; true on a 2xx answer. */
  apiOk(path: string): Promise<boolean> {
    const { pki, server } = this.state;
    return new Promise((resolve) => {
      const req = request(`${server}${path}`, {
        ca: readFileSync(pki.caCert), cert: readFileSync(pki.adminCert), key: readFileSync(pki.adminKey), timeout: 2000,
      }, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 300);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
      req.end();
    });
  }

  private async waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const proc of Object.values(this.state.processes)) {
        if (!isAlive(proc.pid)) {
          throw new Error(`${this.name}: ${proc.name} exited while waiting for ${what}:\n${tailLog(proc.log)}`);
        }
      }
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`${this.name}: ${what} not ready after ${timeoutMs} ms`);
      await sleep(200);
    }
  }
}

function httpOk(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
}

function adminKubeconfigYaml(state: ClusterState): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: state.name, cluster: { server: state.server, 'certificate-authority': state.pki.caCert } }],
    users: [{ name: `${state.name}-admin`, user: { 'client-certificate': state.pki.adminCert, 'client-key': state.pki.adminKey } }],
    contexts: [{ name: state.name, context: { cluster: state.name, user: `${state.name}-admin` } }],
    'current-context': state.name,
  }, null, 2);
}

function fakeNodeYaml(): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'kwok-node-0',
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' },
      labels: {
        type: 'kwok',
        'kubernetes.io/hostname': 'kwok-node-0',
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node-role.kubernetes.io/agent': '',
      },
    },
    status: {
      allocatable: { cpu: '64', memory: '256Gi', pods: '1000' },
      capacity: { cpu: '64', memory: '256Gi', pods: '1000' },
    },
  });
}

/** Every port of every pod forwards to 127.0.0.1:`target` (kwok's fake pods have no servers of their own). */
function portForwardRule(target: number): string {
  return JSON.stringify({
    apiVersion: 'kwok.x-k8s.io/v1alpha1', kind: 'ClusterPortForward', metadata: { name: 'to-test-server' },
    spec: { forwards: [{ target: { address: '127.0.0.1', port: target } }] },
  }) + '\n';
}

/** The Stage documents kwokctl uses by default: fast node init, lease heartbeat, fast pod lifecycle. */
function kwokStages(stageDir: string): string {
  return [
    'node/fast/node-initialize.yaml',
    'node/heartbeat-with-lease/node-heartbeat-with-lease.yaml',
    'pod/fast/pod-ready.yaml',
    'pod/fast/pod-complete.yaml',
    'pod/fast/pod-delete.yaml',
  ].map((file) => readFileSync(join(stageDir, file), 'utf8').trim()).join('\n---\n') + '\n';
}
