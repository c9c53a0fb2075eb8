import type { MatchResult } from './types';

/**
 * One query's list of a full re-match, handed over before its results are built: what a caller needs to tell
 * whether the list changed (its fingerprint) and which pairs it holds (document numbers, no strings), and the
 * results themselves only when asked.
 */
export interface ScoredList {
  readonly postingId: string;
  /** The query's document number among the postings of its kind. */
  readonly number: number;
  /** The counterparts' document numbers among the postings of the other kind, best first. */
  readonly counterparts: ArrayLike<number>;
  /** The posting id of counterpart `i`. */
  counterpartId(i: number): string;
  /** See `listFingerprint`: equal fingerprints, equal stored rows. */
  readonly fingerprint: string;
  /** The explained results, built on each call. */
  results(): readonly MatchResult[];
}
