import { MatchIndex, type MatchIndexOptions } from './match-index';
import type { MatchDocument, MatchResult, QueryOptions } from './types';

export type MatchAllOptions = MatchIndexOptions & QueryOptions;

/**
 * Every demand's best supplies and every supply's best demands, in this thread, keyed by posting id.
 * Postings that are unpublished or expired on `today` map to an empty list and are never recommended.
 */
export function matchAll(
  demands: readonly MatchDocument[],
  supplies: readonly MatchDocument[],
  options: MatchAllOptions,
): Map<string, MatchResult[]> {
  return MatchIndex.build([...demands, ...supplies], options).matchAll(options);
}
