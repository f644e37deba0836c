// The requests one list is made of. A first page of kubectl's chunk size, so the first rows come
// after one small answer; then, when the server says how many objects remain and they fit in the
// largest page, the whole list in one answer, which the API server's watch cache serves; otherwise
// further pages, twice as many objects per page up to that largest page.
//
// Why not page on: a page after the first (a request with a continue token) is served from the
// watch cache only while the cache holds a snapshot at or before the token's resourceVersion, and
// the cache drops its snapshots when etcd compacts (every 5 minutes) or its event history moves on.
// A resource that rarely changes, as Services do, soon has none: from then on every further page is
// read from etcd and decoded again by the API server. Measured on the bench's 10,000 Services (a
// cluster quiet for hours): pages of 500, 1,000, 2,000 and 4,000 cost the API server and etcd 613–620
// ms of CPU per list and the later pages counted as etcd lists in the server's metrics; the whole
// list in one answer cost 340–476 ms and was served from the cache. A list without a limit and
// without a resourceVersion is a consistent read from the cache (ConsistentListFromCache).
//
// Why only up to the largest page: one answer is one JSON.parse on core's main thread, which every
// call waits behind. Whole answers of 9,500 Services held one cluster's 10,000 rows sooner (545 ms
// instead of 702, medians of 5 alternating runs), but with three such clusters ticked at once the
// page's longest task while rows arrived grew from 90–96 ms to 151–216 and ticking → all live from
// 2.8 s to 3.2–3.6 s (two paired bench runs): three big parses and their garbage at once crowded
// out the renderer on 2 cores. Bounded so, no answer is bigger than a page was.

/** The first page's size, and how many times that the largest page holds. */
const LIST_PAGES = { first: 500, growth: 8 };

export interface ListRequest {
  /** Objects asked for; none: the whole list. */
  limit?: number;
  continue?: string;
}

export interface ListPageMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface ListPlan {
  first: number;
  /** The most objects asked for in one later page. */
  most: number;
  /** The most remaining objects asked for in one answer without a limit (`most` in the app; 0: always page on). */
  wholeRestMax: number;
}

/**
 * The plan of a list: a first page of `pageSize` (LIST_PAGES.first unless set), later pages of at
 * most `maxPageSize` (LIST_PAGES.growth × the first unless set, never under it), and a whole rest of
 * at most `wholeRestMax` objects (the largest page unless set).
 */
export function listPlan(options: { pageSize?: number; maxPageSize?: number; wholeRestMax?: number } = {}): ListPlan {
  const first = options.pageSize ?? LIST_PAGES.first;
  const most = Math.max(options.maxPageSize ?? first * LIST_PAGES.growth, first);
  return { first, most, wholeRestMax: options.wholeRestMax ?? most };
}

/** The next page's limit after one of `limit`, never over `most`. */
const nextPageLimit = (limit: number, most: number): number => Math.min(limit * 2, most);

/**
 * The request after `asked`, whose answer carried `meta`; null when the list is complete. A whole
 * list (no limit) is complete: it replaces the pages before it.
 */
export function nextListRequest(asked: ListRequest, meta: ListPageMeta | undefined, plan: ListPlan): ListRequest | null {
  const token = meta?.continue;
  if (asked.limit === undefined || !token) return null;
  const remaining = meta.remainingItemCount;
  if (asked.continue === undefined && plan.wholeRestMax > 0 && remaining !== undefined && remaining <= plan.wholeRestMax) return {};
  return { limit: nextPageLimit(asked.limit, plan.most), continue: token };
}
