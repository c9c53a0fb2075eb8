import type { PostingKind } from './types';

/**
 * What BM25 learns from the whole set of postings of one kind: how many there are, how long their fields are on
 * average and how many hold each term. Every score depends on them, so an index built with statistics taken
 * earlier ("frozen") scores a pair the same way until one of its two postings changes, whatever else was
 * published meanwhile; an index built without uses its own postings' (live) statistics.
 */
export interface KindStatistics {
  documents: number;
  /** Mean tokens of title, keywords and description. */
  averageLengths: readonly [number, number, number];
  /** Postings holding each term (a term a posting repeats counts once). */
  documentFrequencies: ReadonlyMap<string, number>;
}

export type CorpusStatistics = Record<PostingKind, KindStatistics>;

/** Frozen statistics of one kind with terms as the index's ids: -1 for a term they do not know. */
export interface FrozenKindStatistics {
  documents: number;
  averageLengths: readonly number[];
  documentFrequency: Int32Array;
}

/** Looks up frozen statistics by the index's term ids (none when they describe an empty kind). */
export function frozenForTerms(
  stats: KindStatistics | undefined,
  termIds: ReadonlyMap<string, number>,
  vocabSize: number,
): FrozenKindStatistics | undefined {
  if (!stats || stats.documents < 1) return undefined;
  const documentFrequency = new Int32Array(vocabSize).fill(-1);
  for (const [term, df] of stats.documentFrequencies) {
    const id = termIds.get(term);
    if (id !== undefined) documentFrequency[id] = df;
  }
  return { documents: stats.documents, averageLengths: stats.averageLengths, documentFrequency };
}

/**
 * BM25's inverse document frequency. A term the frozen statistics do not know is counted with its live
 * frequency, which may then exceed their number of documents: the floor keeps its weight positive.
 */
export function inverseDocumentFrequency(documents: number, df: number): number {
  return Math.log(1 + (Math.max(0, documents - df) + 0.5) / (df + 0.5));
}
