// Kubeconfig situations for the differential test against kubectl: client-go's own loader_test.go
// scenarios (tools/clientcmd, v0.37), the differences found by hand, and seeded random ones.
import type { KubeconfigCase } from './kubeconfig-differential';
import { seededRandom } from './seeded-random';

const config = (body: string): string => `apiVersion: v1\nkind: Config\n${body}`;
const simple = (name: string, server = `https://${name}.example:6443`): string => config(`clusters:
- name: ${name}
  cluster:
    server: ${server}
users:
- name: ${name}
  user:
    token: token-${name}
contexts:
- name: ${name}
  context:
    cluster: ${name}
    user: ${name}
current-context: ${name}
`);

/** Scenarios of client-go's loader_test.go that a kubectl run can show, as files and KUBECONFIG. */
export const LOADER_TEST_CASES: KubeconfigCase[] = [
  { name: 'TestToleratingMissingFiles', files: { 'a.yaml': simple('a') }, kubeconfig: '{root}/missing-1:{root}/a.yaml:{root}/missing-2' },
  { name: 'TestWarningMissingFiles (all missing)', files: {}, kubeconfig: '{root}/missing-1:{root}/missing-2' },
  { name: 'TestErrorReadingNonFile (a folder)', files: { 'a.yaml': simple('a'), folder: { dir: true } }, kubeconfig: '{root}/folder:{root}/a.yaml' },
  {
    name: 'TestConflictingCurrentContext (first file wins)',
    files: { 'a.yaml': config('current-context: from-a\n'), 'b.yaml': config('current-context: from-b\n') },
    kubeconfig: '{root}/a.yaml:{root}/b.yaml',
  },
  {
    name: 'TestConflictingCurrentContext (first non-empty wins)',
    files: { 'a.yaml': config('current-context: ""\n'), 'b.yaml': config('current-context: from-b\n') },
    kubeconfig: '{root}/a.yaml:{root}/b.yaml',
  },
  { name: 'TestLoadingEmptyMaps', files: { 'a.yaml': config('clusters:\nusers:\ncontexts:\ncurrent-context: x\n') }, kubeconfig: '{root}/a.yaml' },
  {
    name: 'TestDuplicateClusterName',
    files: { 'a.yaml': config('clusters:\n- name: kube\n  cluster: {server: "https://1"}\n- name: kube\n  cluster: {server: "https://2"}\n'), 'b.yaml': simple('b') },
    kubeconfig: '{root}/a.yaml:{root}/b.yaml',
  },
  {
    name: 'TestDuplicateContextName',
    files: { 'a.yaml': config('contexts:\n- name: c\n  context: {cluster: x}\n- name: c\n  context: {cluster: y}\n'), 'b.yaml': simple('b') },
    kubeconfig: '{root}/a.yaml:{root}/b.yaml',
  },
  {
    name: 'TestDuplicateUserName',
    files: { 'a.yaml': config('users:\n- name: u\n  user: {token: a}\n- name: u\n  user: {token: b}\n'), 'b.yaml': simple('b') },
    kubeconfig: '{root}/a.yaml:{root}/b.yaml',
  },
  {
    name: 'TestDuplicateExtensionName',
    files: { 'a.yaml': config('clusters:\n- name: c\n  cluster:\n    server: https://c\n    extensions:\n    - name: e\n      extension: {}\n    - name: e\n      extension: {}\n') },
    kubeconfig: '{root}/a.yaml',
  },
  {
    name: 'TestResolveRelativePaths',
    files: {
      'one/.kubeconfig': config(`clusters:
- name: relative-server-1
  cluster: {server: "https://r1", certificate-authority: ../relative/ca}
- name: absolute-server-1
  cluster: {server: "https://a1", certificate-authority: "{root}/absolute/ca"}
users:
- name: relative-user-1
  user: {client-certificate: relative/client/cert, client-key: ../relative/client/key}
- name: absolute-user-1
  user: {client-certificate: "{root}/absolute/client/cert", client-key: "{root}/absolute/client/key"}
- name: relative-cmd-1
  user: {exec: {command: ../relative/client/cmd, apiVersion: client.authentication.k8s.io/v1}}
- name: PATH-cmd-1
  user: {exec: {command: cmd, apiVersion: client.authentication.k8s.io/v1}}
`),
      'two/deeper/.kubeconfig': config(`clusters:
- name: relative-server-2
  cluster: {server: "https://r2", certificate-authority: ../relative/ca2}
users:
- name: relative-user-2
  user: {client-certificate: relative/client/cert2, client-key: ../relative/client/key2}
`),
      'relative/ca': 'ca of one', 'absolute/ca': 'absolute ca', 'one/relative/client/cert': 'cert of one', 'relative/client/key': 'key of one',
      'absolute/client/cert': 'absolute cert', 'absolute/client/key': 'absolute key', 'two/relative/ca2': 'ca of two',
      'two/deeper/relative/client/cert2': 'cert of two', 'two/relative/client/key2': 'key of two',
    },
    kubeconfig: '{root}/one/.kubeconfig:{root}/two/deeper/.kubeconfig',
  },
  { name: 'TestMigratingFile', files: { 'home/.kube/.kubeconfig': simple('legacy') } },
  { name: 'TestMigratingFileLeaveExistingFileAlone', files: { 'home/.kube/.kubeconfig': simple('legacy'), 'home/.kube/config': simple('current') } },
  { name: 'TestMigratingFileSourceMissingSkip', files: { 'home/.kube/config': simple('current') } },
  { name: 'TestDeduplicate', files: { 'a.yaml': simple('a'), 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml:{root}/a.yaml:{root}/b.yaml' },
  { name: 'TestLoadingGetLoadingPrecedence', files: { 'a.yaml': simple('x', 'https://from-a'), 'b.yaml': simple('x', 'https://from-b') }, kubeconfig: '{root}/b.yaml:{root}/a.yaml' },
];

const home = { 'home/.kube/config': simple('home') };

/** The differences between Portolan and kubectl found by hand (issue 13), each now a case. */
export const FOUND_CASES: KubeconfigCase[] = [
  { name: 'KUBECONFIG=":" reads nothing, not ~/.kube/config', files: home, kubeconfig: ':' },
  { name: 'KUBECONFIG="::" reads nothing', files: home, kubeconfig: '::' },
  { name: 'KUBECONFIG=" " reads nothing', files: home, kubeconfig: ' ' },
  { name: 'KUBECONFIG="" reads ~/.kube/config', files: home, kubeconfig: '' },
  { name: 'KUBECONFIG unset reads ~/.kube/config', files: home },
  { name: 'an entry is not trimmed', files: { ...home, 'a.yaml': simple('a') }, kubeconfig: ' {root}/a.yaml' },
  { name: 'a trailing slash is not a folder', files: { 'a.yaml': simple('a'), 'b.yaml': simple('b') }, kubeconfig: 'a.yaml/:b.yaml' },
  { name: 'relative entries against the working folder', files: { 'w/a.yaml': simple('a'), 'w/sub/b.yaml': simple('b') }, kubeconfig: 'a.yaml:sub/b.yaml:./a.yaml', cwd: 'w' },
  {
    name: 'merge keys are inherited',
    files: { 'a.yaml': config('base: &base\n  server: https://merged\nclusters:\n- name: m\n  cluster:\n    <<: *base\n    insecure-skip-tls-verify: true\n') },
    kubeconfig: '{root}/a.yaml',
  },
  { name: 'a duplicate key takes its last value', files: { 'a.yaml': config('clusters:\n- name: d\n  cluster:\n    server: https://first\n    server: https://last\n') }, kubeconfig: '{root}/a.yaml' },
  { name: 'only the first document counts', files: { 'a.yaml': `${simple('first')}---\n${simple('second')}` }, kubeconfig: '{root}/a.yaml' },
  { name: 'a later broken document is not read', files: { 'a.yaml': `${simple('first')}---\nclusters: [\n` }, kubeconfig: '{root}/a.yaml' },
  { name: 'name: null is the empty name', files: { 'a.yaml': config('contexts:\n- name: null\n  context: {cluster: c}\n- name: ok\n  context: {cluster: c}\n') }, kubeconfig: '{root}/a.yaml' },
  { name: 'clusters as a map is refused', files: { 'a.yaml': config('clusters:\n  a: {server: https://a}\n'), 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'insecure-skip-tls-verify: "true" is refused', files: { 'a.yaml': config('clusters:\n- name: a\n  cluster: {server: https://a, insecure-skip-tls-verify: "true"}\n'), 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'a Deployment is refused', files: { 'a.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n', 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'apiVersion v2 is refused', files: { 'a.yaml': 'apiVersion: v2\nkind: Config\n', 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'an unquoted yes as a name is refused', files: { 'a.yaml': config('contexts:\n- name: yes\n  context: {cluster: c}\n'), 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'an unquoted 123 as a name is refused', files: { 'a.yaml': config('users:\n- name: 123\n  user: {token: t}\n'), 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'quoted "yes" and "123" are names', files: { 'a.yaml': config('contexts:\n- name: "yes"\n  context: {cluster: c}\n- name: \'123\'\n  context: {cluster: c}\n') }, kubeconfig: '{root}/a.yaml' },
  { name: 'bad base64 is refused', files: { 'a.yaml': config('clusters:\n- name: a\n  cluster: {server: https://a, certificate-authority-data: "not base64!"}\n'), 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'base64 across lines is one value', files: { 'a.yaml': config('clusters:\n- name: a\n  cluster:\n    server: https://a\n    certificate-authority-data: "YWJj\\nZGVm"\n') }, kubeconfig: '{root}/a.yaml' },
  { name: '/dev/null is an empty file', files: { 'a.yaml': simple('a') }, kubeconfig: '/dev/null:{root}/a.yaml' },
  { name: 'an exec command with a backslash is looked up on PATH', files: { 'sub/a.yaml': config('users:\n- name: u\n  user: {exec: {command: "bin\\\\tool", apiVersion: client.authentication.k8s.io/v1}}\n') }, kubeconfig: '{root}/sub/a.yaml' },
  { name: 'tokenFile and token pass through', files: { 'sub/a.yaml': config('users:\n- name: u\n  user: {token: inline, tokenFile: tok}\n') }, kubeconfig: '{root}/sub/a.yaml' },
  { name: 'a server URL with user:password', files: { 'a.yaml': config('clusters:\n- name: a\n  cluster: {server: "https://u:p@a.example"}\n') }, kubeconfig: '{root}/a.yaml' },
  { name: 'JSON with a duplicate key', files: { 'a.json': '{"apiVersion":"v1","kind":"Config","current-context":"x","current-context":"y"}' }, kubeconfig: '{root}/a.json' },
  { name: 'a byte order mark', files: { 'a.yaml': `\uFEFF${simple('bom')}` }, kubeconfig: '{root}/a.yaml' },
  { name: 'CRLF line ends', files: { 'a.yaml': simple('crlf').replaceAll('\n', '\r\n') }, kubeconfig: '{root}/a.yaml' },
  { name: 'a comment-only file', files: { 'a.yaml': '# nothing here\n', 'b.yaml': simple('b') }, kubeconfig: '{root}/a.yaml:{root}/b.yaml' },
  { name: 'a symlink to a file', files: { 'real.yaml': simple('real'), 'link.yaml': { symlink: '{root}/real.yaml' } }, kubeconfig: '{root}/link.yaml' },
  { name: 'unknown fields are ignored', files: { 'a.yaml': config('clusters:\n- name: a\n  cluster: {server: https://a, shiny: 1}\n  extra: [1]\nsurprise: {x: 1}\n') }, kubeconfig: '{root}/a.yaml' },
  { name: 'a key in another case is not the field', files: { 'a.yaml': config('clusters:\n- name: a\n  cluster: {Server: https://a}\n') }, kubeconfig: '{root}/a.yaml' },
];

const NAMES = ['a', 'b', 'prod', 'dev', '"yes"', 'yes', '123', '"123"', 'null', '""', 'on', 'x.y/z', '名前'];
const SCALARS = ['https://h.example:6443', '"https://q.example"', 'true', '"true"', '8443', 'null', '', 'ca.crt', '../up/ca.crt', '/abs/ca.crt', 'YWJjZA==', '"YWJj\\nZA=="', 'not-b64!'];

export function generatedCases(count: number, seed: number): KubeconfigCase[] {
  const cases: KubeconfigCase[] = [];
  for (let n = 0; n < count; n++) {
    const rand = seededRandom(seed + n);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const chance = (p: number): boolean => rand() < p;
    const fileNames = ['a.yaml', 'sub/b.yaml', 'c.json', 'd.yaml'].slice(0, 1 + Math.floor(rand() * 3));
    const files: Record<string, string> = {};
    for (const file of fileNames) {
      const lines: string[] = [];
      if (chance(0.9)) lines.push('apiVersion: v1');
      if (chance(0.9)) lines.push(chance(0.95) ? 'kind: Config' : 'kind: Pod');
      const entry = (list: string, inner: string, fields: string[]): void => {
        if (chance(0.2)) return;
        lines.push(`${list}:`);
        for (let i = Math.floor(rand() * 4); i > 0; i--) {
          lines.push(chance(0.95) ? `- name: ${pick(NAMES)}` : '- null');
          if (lines.at(-1) === '- null') continue;
          lines.push(`  ${inner}:`);
          for (const field of fields) if (chance(0.5)) lines.push(`    ${field}: ${pick(SCALARS)}`);
        }
      };
      entry('clusters', 'cluster', ['server', 'certificate-authority', 'certificate-authority-data', 'insecure-skip-tls-verify', 'tls-server-name']);
      entry('users', 'user', ['token', 'tokenFile', 'username', 'password', 'client-certificate', 'client-key']);
      entry('contexts', 'context', ['cluster', 'user', 'namespace']);
      if (chance(0.7)) lines.push(`current-context: ${pick(NAMES)}`);
      if (chance(0.1)) lines.push(lines.find((l) => l.startsWith('current-context')) ?? 'current-context: late');
      let text = `${lines.join('\n')}\n`;
      if (chance(0.1)) text += `---\n${pick(['clusters: [', 'kind: Pod', 'current-context: second'])}\n`;
      if (file.endsWith('.json') && chance(0.7)) text = JSON.stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': pick(['a', 'b', '']) });
      files[file] = text;
      // The files relative paths may name, some there and some not.
      if (chance(0.5)) files['ca.crt'] = 'a CA next to the top files';
      if (chance(0.5)) files['sub/ca.crt'] = 'a CA next to sub/b.yaml';
    }
    const entries = [...fileNames, 'missing.yaml', ''].flatMap((f) => (chance(0.7) ? [f === '' ? '' : chance(0.8) ? `{root}/${f}` : f] : []));
    if (chance(0.2)) entries.push(entries[0] ?? '');
    cases.push({ name: `generated #${seed + n}`, files, kubeconfig: chance(0.1) ? undefined : entries.join(':') });
  }
  return cases;
}
