import { describe, expect, it } from 'vitest';
import { paletteItems, type PaletteSources } from '../../../renderer/src/model/palette';

const sources: PaletteSources = {
  contexts: ['prod', 'dev'],
  namespaces: new Map([['prod', ['shop', 'kube-system']]]),
  services: [
    { context: 'prod', namespace: 'shop', name: 'web', alias: '网店', ports: [{ port: 53, protocol: 'UDP' }, { port: 80, protocol: 'TCP' }] },
    { context: 'prod', namespace: 'shop', name: 'cart', alias: null, ports: [] },
  ],
  createWords: 'Create Service',
  draftsWords: '草稿',
};
const ids = (query: string): string[] => paletteItems(sources, query).map((i) => i.id);

describe('paletteItems', () => {
  it('offers Create Service, Drafts, contexts and namespaces when nothing is typed (no Services until asked)', () => {
    expect(ids('')).toEqual(['a:create', 'a:drafts', 'c:prod', 'c:dev', 'n:prod/shop', 'n:prod/kube-system']);
  });

  it('finds a Service by name or alias, with edit, port-forward (first TCP port) and copy for the best match', () => {
    expect(ids('web')).toEqual(['s:prod/shop/web', 'e:prod/shop/web', 'f:prod/shop/web:80', 'k:prod/shop/web']);
    expect(ids('网店')).toEqual(['s:prod/shop/web', 'e:prod/shop/web', 'f:prod/shop/web:80', 'k:prod/shop/web']);
    expect(ids('cart')).toEqual(['s:prod/shop/cart', 'e:prod/shop/cart', 'k:prod/shop/cart']);
  });

  it('matches every word, across context and namespace', () => {
    expect(ids('prod shop')).toEqual(['n:prod/shop', 's:prod/shop/web', 's:prod/shop/cart', 'e:prod/shop/web', 'f:prod/shop/web:80', 'k:prod/shop/web']);
    expect(ids('create')).toEqual(['a:create']);
    // Drafts is found in the user's language and in English.
    expect(ids('草稿')).toEqual(['a:drafts']);
    expect(ids('draft')).toEqual(['a:drafts']);
  });
});

describe('paletteItems with contexts and namespaces only', () => {
  const namespaces = new Map([['prod-eu', ['default', 'payments']], ['kind', ['default']]]);
  const only = (query: string, limit?: number) => paletteItems({ contexts: ['prod-eu', 'kind'], namespaces, services: [], createWords: 'Create Service', draftsWords: 'Drafts' }, query, limit);
  it('offers contexts, then namespaces of each context, filtered by all words', () => {
    expect(only('eu pay').map((i) => i.id)).toEqual(['n:prod-eu/payments']);
    expect(only('kind/def').map((i) => i.id)).toEqual(['n:kind/default']);
  });
  it('caps the list', () => {
    expect(only('', 2)).toHaveLength(2);
  });
});
