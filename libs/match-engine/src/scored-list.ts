import type { MatchResult } from './types';

/**
 * One query's list of a full re-match, handed over ranked: which pairs it holds (document numbers, no strings)
 * and their scores now, the explained results only when asked. Explaining costs about as much as ranking the
 * rest of the list, and a caller rarely needs every list explained.
 */
export interface RankedList {
  readonly postingId: string;
  /** The query's document number among the postings of its kind. */
  readonly number: number;
  /** The counterparts' document numbers among the postings of the other kind, best first. */
  readonly counterparts: ArrayLike<number>;
  /** The posting id of counterpart `i`. */
  counterpartId(i: number): string;
  /** The score of counterpart `i`, as its result shows it. */
  score(i: number): number;
  /** The explained results, built on each call. */
  results(): readonly MatchResult[];
}

/** A ranked list that also tells, without being built, whether it changed since it was stored. */
export interface ScoredList extends RankedList {
  /** See `listFingerprint`: equal fingerprints, equal stored rows. */
  readonly fingerprint: string;
}
