// The wizard's local rules on whole manifests, against what the API server (v1.37) is known to do
// with each case (test/support/service-cases.ts; the integration test holds the same table to a real
// server). Every problem code has words in every language.
import { describe, expect, it } from 'vitest';
import schema from '../../../renderer/src/editor/service.schema.json';
import { MESSAGES } from '../../../renderer/src/i18n/locales';
import type { Schema } from '../../../renderer/src/model/schema-check';
import { serverMinor, validateServiceManifest, type ManifestRuleOptions } from '../../../renderer/src/model/service-manifest-rules';
import { baseService, SERVICE_CASES } from '../../support/service-cases';

const at137: ManifestRuleOptions = { serverVersion: 'v1.37.2', schema: schema as Schema };
const emitted = new Set<string>();

function check(change: (s: ReturnType<typeof baseService>) => void, options = at137) {
  const service = baseService('web');
  change(service);
  const problems = validateServiceManifest(service, options);
  for (const p of problems) emitted.add(p.code);
  return problems;
}

describe('validateServiceManifest', () => {
  it('finds nothing in the valid base Service', () => {
    expect(check(() => undefined)).toEqual([]);
  });

  for (const c of SERVICE_CASES) {
    it(`${c.accepts ? 'accepts' : 'refuses'} ${c.name}${c.cluster ? ' (the cluster decides)' : ''}`, () => {
      const problems = check(c.change);
      const blocking = problems.filter((p) => !p.clusterDecides);
      if (c.cluster) {
        expect(blocking).toEqual([]);
        expect(problems.some((p) => p.clusterDecides)).toBe(true);
      } else if (c.accepts) {
        expect(blocking).toEqual([]);
      } else {
        expect(blocking.length, JSON.stringify(problems)).toBeGreaterThan(0);
      }
    });
  }

  it('names the problem itself: a targetPort of -1 is out of range, a quoted port is not a number', () => {
    expect(check((s) => { (s.spec.ports as Array<Record<string, unknown>>)[0]!.targetPort = -1; }).map((p) => p.code)).toEqual(['targetPort.range']);
    expect(check((s) => { (s.spec.ports as Array<Record<string, unknown>>)[0]!.port = '80'; })).toEqual([{ path: 'spec.ports[0].port', code: 'type.integer' }]);
  });

  it('follows the server version: names may start with a digit from 1.36, host bits are refused from 1.36', () => {
    const digit = (s: ReturnType<typeof baseService>): void => { s.metadata.name = '1web'; };
    expect(check(digit, { ...at137, serverVersion: 'v1.35.4' }).map((p) => p.code)).toEqual(['name.dns1035Start']);
    expect(check(digit, { ...at137, serverVersion: null }).map((p) => p.code)).toEqual(['name.dns1035Start']);
    const hostBits = (s: ReturnType<typeof baseService>): void => { s.spec.type = 'LoadBalancer'; s.spec.loadBalancerSourceRanges = ['10.0.0.1/8']; };
    expect(check(hostBits, { ...at137, serverVersion: 'v1.35.4' })).toEqual([]);
    expect(serverMinor('v1.37.2+k3s1')).toBe(37);
    expect(serverMinor(null)).toBeNull();
  });

  it('has words for every problem code, in every language', () => {
    for (const [locale, tree] of Object.entries(MESSAGES)) {
      const problemWords = (tree as { wizard: { problem: Record<string, string> } }).wizard.problem;
      for (const code of emitted) expect(problemWords[code.replace(/\./g, '_')], `${locale}: ${code}`).toBeTruthy();
    }
    expect(emitted.size).toBeGreaterThan(25);
  });
});
