import type { QueryOptions } from '@app/match-engine';

/** Length of every stored recommendation list. */
export const MATCHES_PER_POSTING = 10;

/**
 * How every writer of stored lists (a posting's match, a cluster run, a full run) asks the engine: one mode for
 * all, so that a posting's list changes when postings change, not with whichever writer wrote it last. Fast mode,
 * because full runs need it (exact takes ~3× as long at 100k × 100k) and equals exact on small sets.
 */
export function storedListQuery(today: string): QueryOptions {
  return { today, limit: MATCHES_PER_POSTING, mode: 'fast' };
}
