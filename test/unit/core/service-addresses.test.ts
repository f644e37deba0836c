// Where a Service opens from outside, as core builds it for the detail view and the desktop app's gate.
import { describe, expect, it } from 'vitest';
import type { ServiceRow } from '../../../electron/api/types';
import { OpenableUrls, serviceAddresses } from '../../../electron/core/services/service-addresses';

const row = (over: Partial<ServiceRow>): ServiceRow => ({
  access: 'node-port', externalAddresses: [],
  ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: '8080', nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: '53', nodePort: 30053 }],
  ...over,
} as unknown as ServiceRow);

describe('serviceAddresses', () => {
  it('opens a LoadBalancer at its addresses and a NodePort at the first node, TCP ports only', () => {
    expect(serviceAddresses(row({ access: 'load-balancer', externalAddresses: ['192.0.2.7', 'lb.example'] }), ['10.0.0.1']))
      .toEqual(['http://192.0.2.7:80', 'http://lb.example:80']);
    expect(serviceAddresses(row({}), ['10.0.0.1', '10.0.0.2'])).toEqual(['http://10.0.0.1:30080']);
    expect(serviceAddresses(row({}), ['2001:db8::1'])).toEqual(['http://[2001:db8::1]:30080']);
  });
  it('offers nothing without a way in', () => {
    expect(serviceAddresses(row({ access: 'none' }), ['10.0.0.1'])).toEqual([]);
    expect(serviceAddresses(row({}), [])).toEqual([]);
    expect(serviceAddresses(null, ['10.0.0.1'])).toEqual([]);
  });
});

describe('OpenableUrls', () => {
  it('holds the addresses of open views only', () => {
    const urls = new OpenableUrls();
    urls.set('a', ['http://10.0.0.1:30080']);
    expect(urls.has('http://10.0.0.1:30080')).toBe(true);
    expect(urls.has('http://10.0.0.1:30081')).toBe(false);
    urls.forget('a');
    expect(urls.has('http://10.0.0.1:30080')).toBe(false);
  });
});
