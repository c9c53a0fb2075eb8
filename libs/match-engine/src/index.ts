/**
 * @app/match-engine — pure TypeScript supply/demand matching for ClusterLink.
 *
 * - `createTokenizer(options?)`: Chinese industrial tokenizer (jieba + shipped dictionary and synonym files).
 * - `MatchIndex.build(docs, options)` → `index.query(doc, { today, limit, mode })` for one posting, or
 *   `index.matchAll({ today })` for every posting both ways; `matchAll(demands, supplies, options)` does both steps;
 *   `index.rankAll({ today })` ranks every posting's list both ways and explains a list only when it is read.
 * - `MatchWorkerPool.start(2)` → `pool.matchAll(index, options)` / `pool.rankAll(index, options)`: the same on
 *   worker threads;
 *   `pool.matchAllChunks(index, options)` hands it over chunk by chunk as `ScoredList`s, each with its
 *   `listFingerprint` computed on the threads and its results built only when asked.
 * - `prepareDocuments(docs)` + `MatchIndex.fromPrepared(prepared)`: tokenise once, index many times.
 * - `createSegmenter(options)` + `fragmentedRuns(pieces)`: the words the dictionary lacks, cut into characters.
 * - `DEFAULT_MATCH_WEIGHTS`: every tunable number; pass `weights` to override any of them.
 */
export type {
  EnterpriseTier,
  MatchDocument,
  MatchMode,
  MatchResult,
  PostingCategory,
  PostingKind,
  PostingStatus,
  QueryOptions,
} from './types';
export { createSegmenter, createTokenizer, type Tokenizer, type TokenizerOptions } from './tokenizer';
export { DictionaryGapCounter, fragmentedRuns, type DictionaryGap } from './dictionary-gaps';
export { prepareDocuments, type PreparedDocument } from './prepared-document';
export { prepareDocumentsInParallel } from './parallel-prepare';
export {
  DEFAULT_MATCH_WEIGHTS,
  type FieldWeight,
  type MatchWeights,
  type MatchWeightsOverride,
} from './match-weights';
export { MatchIndex, type MatchIndexOptions } from './match-index';
export type { CorpusStatistics, KindStatistics } from './corpus-statistics';
export { matchAll, type MatchAllOptions } from './match-all';
export { MatchWorkerPool } from './match-worker-pool';
export type { RankedList, ScoredList } from './scored-list';
export { listFingerprint } from './list-fingerprint';
export { chinaToday } from './china-date';
export { counterpartKind } from './posting-codes';
