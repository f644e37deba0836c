import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { FormTextSync } from '../../../renderer/src/model/form-text-sync';
import {
  emptyServiceForm, formFromManifest, manifestText, numberOrNull, withNameLabel, withPort, writeForm, type KeyValue, type PortForm, type ServiceForm,
} from '../../../renderer/src/model/service-form';

const base = `# A Service written by hand
apiVersion: v1
kind: Service
metadata:
  name: web # the public name
  namespace: shop
  annotations:
    kubesphere.io/alias-name: 网站
    example.com/owner: team-a # not the form's
  labels:
    app: web
spec:
  # keep this comment
  internalTrafficPolicy: Local
  ipFamilies: [IPv4]
  selector:
    app: web
  ports:
    - name: http # first port
      port: 80
      targetPort: 8080
`;

function edit(text: string, change: (form: ServiceForm) => void): string {
  const doc = parseDocument(text);
  const form = formFromManifest(doc.toJS());
  change(form);
  writeForm(doc, form);
  return doc.toString();
}

describe('formFromManifest', () => {
  it('reads the fields the wizard shows', () => {
    const form = formFromManifest(parseDocument(base).toJS());
    expect(form).toMatchObject({
      name: 'web', namespace: 'shop', alias: '网站', type: 'virtual-ip', access: 'none',
      selector: [{ key: 'app', value: 'web' }], labels: [{ key: 'app', value: 'web' }],
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: null }],
    });
  });

  it('names the Service types as KubeSphere does: Virtual IP, Headless (Selector), Headless (ExternalName)', () => {
    expect(formFromManifest({ spec: { clusterIP: 'None', selector: { a: 'b' } } }).type).toBe('headless-selector');
    expect(formFromManifest({ spec: { type: 'ExternalName', externalName: 'db.example.com' } })).toMatchObject({ type: 'headless-external-name', externalName: 'db.example.com' });
    expect(formFromManifest({ spec: { type: 'LoadBalancer' } })).toMatchObject({ type: 'virtual-ip', access: 'load-balancer' });
  });
});

describe('writeForm', () => {
  it('changes nothing, not even formatting, when the form is unchanged', () => {
    const texts = new FormTextSync(emptyServiceForm(), base);
    texts.setForm(texts.form);
    expect(texts.text).toBe(base);
  });

  it('changes only the edited node and keeps comments, key order and unknown fields', () => {
    const out = edit(base, (f) => {
      f.ports[0]!.port = 8080;
    });
    expect(out).toContain('port: 8080');
    for (const kept of ['# A Service written by hand', '# the public name', '# keep this comment', '# first port', '# not the form\'s',
      'internalTrafficPolicy: Local', 'ipFamilies: [ IPv4 ]', 'example.com/owner: team-a']) {
      expect(out).toContain(kept);
    }
    expect(out.indexOf('internalTrafficPolicy')).toBeLessThan(out.indexOf('selector:'));
  });

  it('survives many switches between types and access and comes back to the same text', () => {
    let text = base;
    for (const step of ['headless-selector', 'headless-external-name', 'virtual-ip'] as const) {
      text = edit(text, (f) => {
        f.type = step;
        if (step === 'headless-external-name') f.externalName = 'db.example.com';
      });
    }
    const out = parseDocument(text).toJS();
    expect(out.spec.ipFamilies).toEqual(['IPv4']);
    expect(out.metadata.annotations['example.com/owner']).toBe('team-a');
    expect(text).toContain('# keep this comment');
  });

  it('writes NodePort with a fixed nodePort, and drops nodePorts when access goes back to None', () => {
    const nodePort = edit(base, (f) => {
      f.access = 'node-port';
      f.ports[0]!.nodePort = 30080;
    });
    expect(parseDocument(nodePort).toJS().spec).toMatchObject({ type: 'NodePort', ports: [{ nodePort: 30080 }] });
    const none = parseDocument(edit(nodePort, (f) => {
      f.access = 'none';
    })).toJS().spec;
    expect(none.type).toBe('ClusterIP');
    expect(none.ports[0].nodePort).toBeUndefined();
  });

  it('writes a headless Service as clusterIP: None, and ExternalName without selector or ports', () => {
    expect(parseDocument(edit(base, (f) => (f.type = 'headless-selector'))).toJS().spec.clusterIP).toBe('None');
    const external = parseDocument(edit(base, (f) => {
      f.type = 'headless-external-name';
      f.externalName = 'db.example.com';
    })).toJS().spec;
    expect(external).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(external.selector).toBeUndefined();
    expect(external.ports).toBeUndefined();
  });

  it('writes ClientIP affinity with its timeout, and LoadBalancer provider annotations without touching others', () => {
    const out = parseDocument(edit(base, (f) => {
      f.sessionAffinity = 'ClientIP';
      f.sessionAffinityTimeout = 3600;
      f.access = 'load-balancer';
      f.externalTrafficPolicy = 'Local';
      f.loadBalancerSourceRanges = ['10.0.0.0/8'];
      f.loadBalancerAnnotations = [{ key: 'service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids', value: 'eip-1' }];
    })).toJS();
    expect(out.spec).toMatchObject({
      type: 'LoadBalancer', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 3600 } },
      externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['10.0.0.0/8'],
    });
    expect(out.metadata.annotations).toEqual({
      'kubesphere.io/alias-name': '网站', 'example.com/owner': 'team-a', 'service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids': 'eip-1',
    });
  });

  it('leaving LoadBalancer removes only the provider annotations the wizard offers, not others with the same prefix', () => {
    const lb = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    cloud.google.com/neg: '{"ingress": true}'
    cloud.google.com/backend-config: '{"default": "web"}'
    cloud.google.com/load-balancer-type: Internal
    service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids: eip-1
spec:
  type: LoadBalancer
  ports:
  - port: 80
`;
    const out = parseDocument(edit(lb, (f) => {
      f.access = 'none';
    })).toJS();
    expect(out.metadata.annotations).toEqual({ 'cloud.google.com/neg': '{"ingress": true}', 'cloud.google.com/backend-config': '{"default": "web"}' });
  });

  it('starts a new manifest from an empty form with the wizard\'s defaults', () => {
    const form = { ...emptyServiceForm('default'), name: 'web', ports: [{ name: '', protocol: 'TCP' as const, port: 80, targetPort: '', nodePort: null }] };
    expect(parseDocument(manifestText(form)).toJS()).toEqual({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80 }] },
    });
  });
});

// ---- property tests -------------------------------------------------------------------------------

const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/);
const text = fc.string({ maxLength: 20 });
const keyValues = (key: fc.Arbitrary<string>): fc.Arbitrary<KeyValue[]> =>
  fc.uniqueArray(fc.record({ key, value: fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/) }), { selector: (kv) => kv.key, maxLength: 4 });
const port: fc.Arbitrary<PortForm> = fc.record({
  name: fc.oneof(fc.constant(''), dnsLabel),
  protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'),
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
  targetPort: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 65535 }).map(String), dnsLabel),
  nodePort: fc.option(fc.integer({ min: 30000, max: 32767 }), { nil: null }),
});
const lbAnnotationKey = fc.constantFrom(
  'service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids', 'service.beta.kubernetes.io/qingcloud-load-balancer-type',
  'metallb.universe.tf/address-pool', 'eip.openelb.kubesphere.io/v1alpha2', 'service.beta.kubernetes.io/aws-load-balancer-type',
);
const anyForm: fc.Arbitrary<ServiceForm> = fc.record({
  name: dnsLabel, namespace: fc.oneof(fc.constant(''), dnsLabel), alias: text, description: text,
  type: fc.constantFrom('virtual-ip', 'headless-selector', 'headless-external-name'),
  selector: keyValues(dnsLabel), ports: fc.array(port, { maxLength: 3 }),
  sessionAffinity: fc.constantFrom('None', 'ClientIP'), sessionAffinityTimeout: fc.option(fc.integer({ min: 1, max: 86400 }), { nil: null }),
  labels: keyValues(dnsLabel), access: fc.constantFrom('none', 'node-port', 'load-balancer'),
  externalName: fc.oneof(fc.constant(''), dnsLabel.map((l) => `${l}.example.com`)),
  externalTrafficPolicy: fc.constantFrom(null, 'Cluster', 'Local'),
  loadBalancerSourceRanges: fc.array(fc.constantFrom('10.0.0.0/8', '192.168.0.0/16'), { maxLength: 2 }),
  loadBalancerAnnotations: keyValues(lbAnnotationKey),
}) as fc.Arbitrary<ServiceForm>;

/** What a manifest can say of a form: fields that do not apply to its type and access are not kept. */
function expressible(form: ServiceForm): ServiceForm {
  const f = structuredClone(form);
  if (f.type === 'headless-external-name') {
    Object.assign(f, { selector: [], ports: [], access: 'none', sessionAffinity: 'None' });
  } else {
    f.externalName = '';
  }
  if (f.type === 'headless-selector') f.access = 'none';
  if (f.access === 'none') {
    f.externalTrafficPolicy = null;
    f.ports = f.ports.map((p) => ({ ...p, nodePort: null }));
  }
  if (f.access !== 'load-balancer') Object.assign(f, { loadBalancerSourceRanges: [], loadBalancerAnnotations: [] });
  if (f.sessionAffinity === 'None') f.sessionAffinityTimeout = null;
  return f;
}

describe('round trips (property tests)', () => {
  it('any form the manifest can express survives form → text → form unchanged', () => {
    fc.assert(fc.property(anyForm, (form) => {
      const wanted = expressible(form);
      const back = formFromManifest(parseDocument(manifestText(wanted)).toJS());
      expect(back).toEqual(wanted);
    }), { numRuns: 300 });
  });

  it('any manifest survives text → form → text unchanged, with its comments and unknown fields', () => {
    const extras = fc.record({
      ipFamilies: fc.constantFrom(['IPv4'], ['IPv6', 'IPv4']),
      internalTrafficPolicy: fc.constantFrom('Cluster', 'Local'),
      publishNotReadyAddresses: fc.boolean(),
    }, { requiredKeys: [] });
    fc.assert(fc.property(anyForm, extras, fc.array(fc.nat(40), { maxLength: 5 }), text, (form, spec, commentLines, owner) => {
      const object = parseDocument(manifestText(expressible(form))).toJS();
      object.spec = { ...spec, ...object.spec };
      object.metadata.annotations = { 'example.com/owner': owner, ...object.metadata.annotations };
      object.status = { loadBalancer: {} };
      const lines = stringify(object).split('\n');
      for (const at of commentLines) lines.splice(Math.min(at, lines.length), 0, `# comment ${at}`);
      const original = parseDocument(lines.join('\n'));
      const expected = original.toString();
      writeForm(original, formFromManifest(original.toJS()));
      expect(original.toString()).toBe(expected);
    }), { numRuns: 300 });
  });

  it('an edit to one field changes only that field of the manifest', () => {
    fc.assert(fc.property(anyForm, dnsLabel, (form, name) => {
      const doc = parseDocument(manifestText(expressible(form)));
      const before = doc.toJS();
      writeForm(doc, { ...formFromManifest(before), name });
      const after = doc.toJS();
      expect({ ...after, metadata: { ...after.metadata, name: before.metadata.name } }).toEqual(before);
      expect(after.metadata.name).toBe(name);
    }), { numRuns: 200 });
  });

  it('changes one port with withPort, and reads number inputs with numberOrNull', () => {
    const form = { ...emptyServiceForm('shop'), ports: [
      { name: 'a', protocol: 'TCP' as const, port: 80, targetPort: '', nodePort: null },
      { name: 'b', protocol: 'TCP' as const, port: 81, targetPort: '', nodePort: null },
    ] };
    const changed = withPort(form, 1, { nodePort: 31000 });
    expect(changed.ports.map((p) => p.nodePort)).toEqual([null, 31000]);
    expect(form.ports[1]!.nodePort).toBeNull();
    expect([numberOrNull(''), numberOrNull('  '), numberOrNull('30080')]).toEqual([null, null, 30080]);
  });
});

describe('withNameLabel (KubeSphere\'s app: <name>)', () => {
  const form = (name: string, labels: Array<{ key: string; value: string }>): ServiceForm => ({ ...emptyServiceForm('shop'), name, labels });
  it('follows the name while the labels are none or only that one', () => {
    const empty = form('', []);
    expect(withNameLabel(empty, { ...empty, name: 'w' }).labels).toEqual([{ key: 'app', value: 'w' }]);
    const before = form('web', [{ key: 'app', value: 'web' }]);
    expect(withNameLabel(before, { ...before, name: 'web2' }).labels).toEqual([{ key: 'app', value: 'web2' }]);
    expect(withNameLabel(before, { ...before, name: '' }).labels).toEqual([]);
  });
  it('leaves labels the user made their own, and a change of the labels themselves', () => {
    const own = form('web', [{ key: 'app', value: 'shop' }]);
    expect(withNameLabel(own, { ...own, name: 'web2' }).labels).toEqual([{ key: 'app', value: 'shop' }]);
    const before = form('web', [{ key: 'app', value: 'web' }]);
    const edited = { ...before, name: 'x', labels: [{ key: 'tier', value: 'fe' }] };
    expect(withNameLabel(before, edited)).toBe(edited);
  });
});
