import { describe, expect, it } from 'vitest';
import { emptyServiceForm } from '../../../renderer/src/model/service-form';
import { FormTextSync } from '../../../renderer/src/model/form-text-sync';

const start = (): FormTextSync => new FormTextSync({ ...emptyServiceForm('shop'), name: 'web', ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '', nodePort: null }] });

describe('FormTextSync', () => {
  it('renders the form as YAML and follows form edits', () => {
    const texts = start();
    expect(texts.text).toContain('name: web');
    texts.setForm({ ...texts.form, alias: '网站' });
    expect(texts.text).toContain('kubesphere.io/alias-name: 网站');
  });

  it('takes typed YAML into the form live, keeping comments and unknown fields through later form edits', () => {
    const texts = start();
    texts.setText(`${texts.text.replace('name: web', 'name: shop # the shop')}  ipFamilies: [IPv4]\n`);
    expect(texts.problem).toBeNull();
    expect(texts.form.name).toBe('shop');
    texts.setForm({ ...texts.form, description: 'front door' });
    expect(texts.text).toContain('# the shop');
    expect(texts.text).toContain('ipFamilies');
    expect(texts.text).toContain('kubesphere.io/description: front door');
  });

  it('keeps every typed character and the last good form while the text does not parse or is not a Service', () => {
    const texts = start();
    const broken = `${texts.text}spec: [oops`;
    texts.setText(broken);
    expect(texts.problem).toMatchObject({ kind: 'syntax' });
    expect(texts.text).toBe(broken);
    expect(texts.form.name).toBe('web');
    texts.setText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    expect(texts.problem).toEqual({ kind: 'not-a-service' });
    expect(texts.form.name).toBe('web');
  });

  it('refuses form edits and format switches while the text is broken, so the typed text is never replaced', () => {
    const texts = start();
    const broken = `${texts.text}  ports: [oops`;
    texts.setText(broken);
    expect(texts.setForm({ ...texts.form, name: 'other' })).toBe(false);
    expect(texts.setFormat('json')).toBe(false);
    expect(texts.text).toBe(broken);
    expect(texts.format).toBe('yaml');
    expect(texts.form.name).toBe('web');
    // Only an explicit discard goes back to the last good document; then the form drives again.
    texts.discardTextEdits();
    expect(texts.problem).toBeNull();
    expect(texts.text).not.toContain('oops');
    expect(texts.setForm({ ...texts.form, name: 'other' })).toBe(true);
    expect(texts.text).toContain('name: other');
  });

  it('switches YAML ⇄ JSON with the same content, and says when JSON would drop comments', () => {
    const texts = start();
    texts.setText(`# keep me\n${texts.text}`);
    expect(texts.hasComments()).toBe(true);
    texts.setFormat('json');
    expect(JSON.parse(texts.text)).toMatchObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } });
    texts.setText(texts.text.replace('"web"', '"api"'));
    expect(texts.form.name).toBe('api');
    expect(texts.hasComments()).toBe(false);
    texts.setFormat('yaml');
    expect(texts.text).toContain('name: api');
    expect(texts.text).not.toContain('# keep me');
  });

  it('reports JSON syntax errors the same way', () => {
    const texts = start();
    texts.setFormat('json');
    texts.setText('{ "apiVersion": ');
    expect(texts.problem).toMatchObject({ kind: 'syntax' });
    expect(texts.form.name).toBe('web');
  });

  it('sets the alias and description where Helm left an empty annotations:, labels: or selector:', () => {
    for (const empty of ['annotations:', 'labels:']) {
      const texts = new FormTextSync(emptyServiceForm('default'), `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  ${empty}\nspec:\n  selector:\n  ports:\n  - port: 80\n`);
      expect(texts.problem).toBeNull();
      expect(texts.setForm({ ...texts.form, alias: '网店', description: 'front door', labels: [{ key: 'app', value: 'web' }] })).toBe(true);
      expect(texts.text).toContain('kubesphere.io/alias-name: 网店');
      expect(texts.text).toContain('kubesphere.io/description: front door');
    }
  });

  it('takes a trailing or leading --- as kubectl does, and refuses two Services in one text', () => {
    const texts = start();
    texts.setText(`${texts.text}---\n`);
    expect(texts.problem).toBeNull();
    texts.setText(`---\n${texts.text}`);
    expect(texts.problem).toBeNull();
    texts.setText(`${texts.text}---\napiVersion: v1\nkind: Service\nmetadata: {name: second}\n`);
    expect(texts.problem).toMatchObject({ kind: 'syntax' });
  });

  it('edits one port without touching the other fields and ports as written (protocol: tcp, quoted targetPort, nodePort: 0, a commented nodePort)', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: tcp\n    nodePort: 0\n  - name: b\n    port: 81\n    targetPort: "8080"\n    nodePort: 20001 # kept on a ClusterIP Service\n';
    const texts = new FormTextSync(emptyServiceForm(), text, 'default');
    texts.setForm({ ...texts.form, ports: texts.form.ports.map((p, i) => (i === 0 ? { ...p, port: 90 } : p)) });
    expect(texts.text).toBe(text.replace('port: 80', 'port: 90'));
    texts.setForm({ ...texts.form, ports: texts.form.ports.map((p, i) => (i === 1 ? { ...p, name: 'bee' } : p)) });
    expect(texts.text).toBe(text.replace('port: 80', 'port: 90').replace('name: b\n', 'name: bee\n'));
  });

  it('removes exactly the port the form dropped, with everything it held', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: a\n    port: 80\n  - name: b # goes\n    port: 81\n  - name: c\n    port: 82\n    appProtocol: http\n';
    const texts = new FormTextSync(emptyServiceForm(), text, 'default');
    texts.setForm({ ...texts.form, ports: [texts.form.ports[0]!, texts.form.ports[2]!] });
    expect(texts.text).toBe(text.replace('  - name: b # goes\n    port: 81\n', ''));
  });

  it('adds a label without retyping the others: version: 1 stays a number, canary: true a boolean', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    version: 1\n    canary: true\n';
    const texts = new FormTextSync(emptyServiceForm(), text, 'default');
    expect(texts.form.labels).toEqual([{ key: 'version', value: '1' }, { key: 'canary', value: 'true' }]);
    texts.setForm({ ...texts.form, labels: [...texts.form.labels, { key: 'tier', value: 'fe' }] });
    expect(texts.text).toBe(`${text}    tier: fe\n`);
  });

  it('shows the namespace a text without one is created in, and never writes it there', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    const texts = new FormTextSync(emptyServiceForm('shop'), text, 'shop');
    expect(texts.form.namespace).toBe('shop');
    texts.setForm({ ...texts.form, alias: 'x' });
    expect(texts.text).toBe(`${text}  annotations:\n    kubesphere.io/alias-name: x\n`);
    texts.setDefaultNamespace('other');
    expect(texts.form.namespace).toBe('other');
    expect(texts.text).not.toContain('namespace');
    // A namespace the user picks is written.
    texts.setForm({ ...texts.form, namespace: 'team' });
    expect(texts.text).toContain('  namespace: team\n');
  });

  it('edits a text that starts or ends with --- in place, keeping the separators', () => {
    const text = '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n';
    const texts = new FormTextSync(emptyServiceForm(), text, 'default');
    expect(texts.problem).toBeNull();
    texts.setForm({ ...texts.form, name: 'api' });
    expect(texts.text).toBe(text.replace('name: web', 'name: api'));
  });

  it("keeps kubectl's 4-space JSON and edits only the lines of the fields set", () => {
    const text = '{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n        "name": "web"\n    }\n}\n';
    const texts = new FormTextSync(emptyServiceForm(), text, 'default');
    texts.setForm(texts.form);
    expect(texts.text).toBe(text);
    texts.setForm({ ...texts.form, name: 'api' });
    expect(texts.text).toBe(text.replace('"web"', '"api"'));
    expect(texts.manifest()).toBe(texts.text);
  });
});
