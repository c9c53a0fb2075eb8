/**
 * The index over the postings of one kind, as flat typed arrays (shareable with worker threads).
 * Documents are numbered 0..docCount-1 in ascending posting-id order, so a lower number wins a tie.
 */
export interface KindArrays {
  docCount: number;
  /** Mean tokens of title, keywords and description over these documents (not frozen statistics'). */
  averageLengths: readonly number[];
  /** CSR over term ids: postings of term t are [termOffsets[t], termOffsets[t+1]). */
  termOffsets: Int32Array;
  postDocs: Int32Array;
  /** BM25F impact of the term in the document (idf included). */
  postImpacts: Float32Array;
  idf: Float32Array;
  /** CSR over documents: the document's distinct term ids, ascending. */
  fwdOffsets: Int32Array;
  fwdTerms: Int32Array;
  fwdImpacts: Float32Array;
  /** Weight of the term when this document is the query. */
  fwdQueryWeights: Float32Array;
  enterprise: Int32Array;
  cluster: Int32Array;
  /** GB/T 2260 code ÷ 100 (city) and ÷ 10000 (province), -1 when unknown. */
  city: Int32Array;
  province: Int32Array;
  /** Distinct city codes of the kind, ascending (a province's cities are contiguous); cityIndex points into it. */
  cities: Int32Array;
  /** Position of the document's city in `cities`, -1 when unknown. */
  cityIndex: Int32Array;
  tier: Int8Array;
  category: Int8Array;
  /** YYYYMMDD, inclusive. */
  validUntil: Int32Array;
  published: Int8Array;
  /** Terms in more than the fast mode's share of documents: slot k, or -1. */
  commonSlot: Int32Array;
  /** Fast mode: a query term in more documents than this adds to the candidates rarer terms found, brings none. */
  maxCandidateDf: number;
  commonCount: number;
  /** Dense impacts of the common terms, one row a document: [doc * commonCount + slot] (a candidate's row is contiguous). */
  commonImpacts: Float32Array;
}
