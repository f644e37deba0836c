import { describe, expect, it } from 'vitest';
import { emptyServiceForm } from '../../../renderer/src/model/service-form';
import { ServiceDraft } from '../../../renderer/src/model/service-draft';

const start = (): ServiceDraft => new ServiceDraft({ ...emptyServiceForm('shop'), name: 'web', ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: '', nodePort: null }] });

describe('ServiceDraft', () => {
  it('renders the form as YAML and follows form edits', () => {
    const draft = start();
    expect(draft.text).toContain('name: web');
    draft.setForm({ ...draft.form, alias: '网站' });
    expect(draft.text).toContain('kubesphere.io/alias-name: 网站');
  });

  it('takes typed YAML into the form live, keeping comments and unknown fields through later form edits', () => {
    const draft = start();
    draft.setText(`${draft.text.replace('name: web', 'name: shop # the shop')}  ipFamilies: [IPv4]\n`);
    expect(draft.problem).toBeNull();
    expect(draft.form.name).toBe('shop');
    draft.setForm({ ...draft.form, description: 'front door' });
    expect(draft.text).toContain('# the shop');
    expect(draft.text).toContain('ipFamilies');
    expect(draft.text).toContain('kubesphere.io/description: front door');
  });

  it('keeps every typed character and the last good form while the text does not parse or is not a Service', () => {
    const draft = start();
    const broken = `${draft.text}spec: [oops`;
    draft.setText(broken);
    expect(draft.problem).toMatchObject({ kind: 'syntax' });
    expect(draft.text).toBe(broken);
    expect(draft.form.name).toBe('web');
    draft.setText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    expect(draft.problem).toEqual({ kind: 'not-a-service' });
    expect(draft.form.name).toBe('web');
  });

  it('refuses form edits and format switches while the text is broken, so the typed text is never replaced', () => {
    const draft = start();
    const broken = `${draft.text}  ports: [oops`;
    draft.setText(broken);
    expect(draft.setForm({ ...draft.form, name: 'other' })).toBe(false);
    expect(draft.setFormat('json')).toBe(false);
    expect(draft.text).toBe(broken);
    expect(draft.format).toBe('yaml');
    expect(draft.form.name).toBe('web');
    // Only an explicit discard goes back to the last good document; then the form drives again.
    draft.discardTextEdits();
    expect(draft.problem).toBeNull();
    expect(draft.text).not.toContain('oops');
    expect(draft.setForm({ ...draft.form, name: 'other' })).toBe(true);
    expect(draft.text).toContain('name: other');
  });

  it('switches YAML ⇄ JSON with the same content, and says when JSON would drop comments', () => {
    const draft = start();
    draft.setText(`# keep me\n${draft.text}`);
    expect(draft.hasComments()).toBe(true);
    draft.setFormat('json');
    expect(JSON.parse(draft.text)).toMatchObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } });
    draft.setText(draft.text.replace('"web"', '"api"'));
    expect(draft.form.name).toBe('api');
    expect(draft.hasComments()).toBe(false);
    draft.setFormat('yaml');
    expect(draft.text).toContain('name: api');
    expect(draft.text).not.toContain('# keep me');
  });

  it('reports JSON syntax errors the same way', () => {
    const draft = start();
    draft.setFormat('json');
    draft.setText('{ "apiVersion": ');
    expect(draft.problem).toMatchObject({ kind: 'syntax' });
    expect(draft.form.name).toBe('web');
  });

  it('sets the alias and description where Helm left an empty annotations:, labels: or selector:', () => {
    for (const empty of ['annotations:', 'labels:']) {
      const draft = new ServiceDraft(emptyServiceForm('default'), `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  ${empty}\nspec:\n  selector:\n  ports:\n  - port: 80\n`);
      expect(draft.problem).toBeNull();
      expect(draft.setForm({ ...draft.form, alias: '网店', description: 'front door', labels: [{ key: 'app', value: 'web' }] })).toBe(true);
      expect(draft.text).toContain('kubesphere.io/alias-name: 网店');
      expect(draft.text).toContain('kubesphere.io/description: front door');
    }
  });

  it('takes a trailing or leading --- as kubectl does, and refuses two Services in one text', () => {
    const draft = start();
    draft.setText(`${draft.text}---\n`);
    expect(draft.problem).toBeNull();
    draft.setText(`---\n${draft.text}`);
    expect(draft.problem).toBeNull();
    draft.setText(`${draft.text}---\napiVersion: v1\nkind: Service\nmetadata: {name: second}\n`);
    expect(draft.problem).toMatchObject({ kind: 'syntax' });
  });
});
