// The requests one list is made of: a first page, then the rest in one answer when the server says it
// is not too much, or further growing pages when it is, or when the server does not say.
import { describe, expect, it } from 'vitest';
import { nextListRequest, type ListPlan } from '../../../electron/core/watch/list-requests';

const plan: ListPlan = { first: 500, most: 4000, wholeRestMax: 4000 };

describe('nextListRequest', () => {
  it('ends the list when the answer has no continue token', () => {
    expect(nextListRequest({ limit: 500 }, { resourceVersion: '7' }, plan)).toBeNull();
    expect(nextListRequest({ limit: 500 }, undefined, plan)).toBeNull();
    expect(nextListRequest({ limit: 1000, continue: 'a' }, { continue: '' }, plan)).toBeNull();
  });

  it('asks for the whole list after a first page whose rest is at most wholeRestMax', () => {
    expect(nextListRequest({ limit: 500 }, { continue: 'a', remainingItemCount: 1500 }, plan)).toEqual({});
    expect(nextListRequest({ limit: 500 }, { continue: 'a', remainingItemCount: 4000 }, plan)).toEqual({});
  });

  it('pages on, twice as many per page up to the most, when the rest is bigger or not counted', () => {
    expect(nextListRequest({ limit: 500 }, { continue: 'a', remainingItemCount: 4001 }, plan)).toEqual({ limit: 1000, continue: 'a' });
    // A list with a selector has no count: the server cannot say how much is left.
    expect(nextListRequest({ limit: 500 }, { continue: 'a' }, plan)).toEqual({ limit: 1000, continue: 'a' });
    expect(nextListRequest({ limit: 4000, continue: 'a' }, { continue: 'b', remainingItemCount: 10 }, plan)).toEqual({ limit: 4000, continue: 'b' });
    expect(nextListRequest({ limit: 1000, continue: 'a' }, { continue: 'b', remainingItemCount: 10 }, plan)).toEqual({ limit: 2000, continue: 'b' });
  });

  it('always pages on with wholeRestMax 0', () => {
    expect(nextListRequest({ limit: 5 }, { continue: 'a', remainingItemCount: 1 }, { first: 5, most: 10, wholeRestMax: 0 })).toEqual({ limit: 10, continue: 'a' });
  });

  it('ends after a whole list, which has no limit and so no continue token', () => {
    expect(nextListRequest({}, { resourceVersion: '9' }, plan)).toBeNull();
  });
});
