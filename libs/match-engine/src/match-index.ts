import { BatchCollector, BatchList, FingerprintedBatchList } from './batch-results';
import { BatchScorer, runBatch, viewOf, type BatchJob, type BatchLists } from './batch-runner';
import { frozenForTerms, type CorpusStatistics, type KindStatistics } from './corpus-statistics';
import { DEFAULT_LIMIT, kernelParams, neighbourCsr } from './kernel-params';
import { buildKindArrays, type Codebook, type EncodedDocument } from './kind-index-builder';
import type { KindArrays } from './kind-arrays';
import { resolveWeights, type MatchWeights, type MatchWeightsOverride } from './match-weights';
import { counterpartKind } from './posting-codes';
import { prepareDocument, prepareDocuments, type PreparedDocument } from './prepared-document';
import { QueryKernel, type KernelParams } from './query-kernel';
import { QueryEncoder } from './query-encoder';
import {
  buildResult,
  explainedTerms,
  explainResult,
  reasonTermMask,
  termParts,
  type ExplainContext,
  type TermParts,
} from './result-explainer';
import { fingerprintHex, identityHashes, stringHashes, type FingerprintTables } from './list-fingerprint';
import type { RankedList, ScoredList } from './scored-list';
import { sharedFloat64, sharedInt32 } from './shared-arrays';
import { createTokenizer, type Tokenizer } from './tokenizer';
import type { QueryView } from './query-kernel';
import type { MatchDocument, MatchResult, PostingKind, QueryOptions } from './types';

export interface MatchIndexOptions {
  /** Default: the shared tokenizer with the shipped dictionary and synonyms. */
  tokenizer?: Tokenizer;
  /** Laid over DEFAULT_MATCH_WEIGHTS. */
  weights?: MatchWeightsOverride;
  /** Clusters next to each other on an industrial chain (read both ways). */
  clusterNeighbours?: ReadonlyMap<string, readonly string[]>;
  /** Score with these statistics (taken earlier with `statistics()`) rather than the postings' own. */
  statistics?: CorpusStatistics;
}

interface Side {
  arrays: KindArrays;
  postingIds: string[];
  enterpriseIds: string[];
}

/** Kernels kept per index (a kind × day × limit × mode each; a worker uses one or two). */
const KEPT_KERNELS = 4;

/**
 * An index per kind over a set of postings: a demand queries the supplies' index, a supply the demands'.
 * Immutable once built; rebuild it (about 0.1 s for 40k pre-tokenised postings) when postings change.
 */
export class MatchIndex {
  private constructor(
    private readonly codes: Codebook,
    private readonly termText: string[],
    private readonly sides: Record<PostingKind, Side>,
    readonly weights: MatchWeights,
    private readonly neighbourOffsets: Int32Array,
    private readonly neighbours: Int32Array,
    private tokenizer: Tokenizer | undefined,
  ) {}

  private parts: TermParts | undefined;
  private fingerprintHashes: FingerprintTables | undefined;
  private encoder: QueryEncoder | undefined;
  private readonly kernels = new Map<string, { kernel: QueryKernel; params: KernelParams }>();

  /** Tokenises and indexes the postings (any status and kind; the rules are applied at query time). */
  static build(docs: readonly MatchDocument[], options: MatchIndexOptions = {}): MatchIndex {
    const tokenizer = options.tokenizer ?? createTokenizer();
    return MatchIndex.fromPrepared(prepareDocuments(docs, tokenizer), { ...options, tokenizer });
  }

  /** Indexes postings tokenised earlier with `prepareDocuments`. */
  static fromPrepared(prepared: readonly PreparedDocument[], options: MatchIndexOptions = {}): MatchIndex {
    const weights = resolveWeights(options.weights);
    const sorted = [...prepared].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
    const codes: Codebook = { terms: new Map(), enterprises: new Map(), clusters: new Map() };
    const termText: string[] = [];
    const intern = (map: Map<string, number>, key: string): number => {
      let id = map.get(key);
      if (id === undefined) map.set(key, (id = map.size));
      return id;
    };
    const termId = (t: string): number => {
      let id = codes.terms.get(t);
      if (id === undefined) {
        codes.terms.set(t, (id = termText.length));
        termText.push(t);
      }
      return id;
    };
    const encode = (tokens: readonly string[]): Int32Array => {
      const ids = new Int32Array(tokens.length);
      for (let i = 0; i < tokens.length; i++) ids[i] = termId(tokens[i]);
      return ids;
    };
    const encoded: EncodedDocument[] = sorted.map((p) => {
      intern(codes.enterprises, p.doc.enterpriseId);
      if (p.doc.clusterId !== null) intern(codes.clusters, p.doc.clusterId);
      return { doc: p.doc, fields: [encode(p.title), encode(p.keywords), encode(p.description)] };
    });
    const neighbourPairs: Array<[number, number]> = [];
    for (const [a, list] of options.clusterNeighbours ?? []) {
      intern(codes.clusters, a);
      for (const b of list) {
        intern(codes.clusters, b);
        const ia = codes.clusters.get(a)!;
        const ib = codes.clusters.get(b)!;
        if (ia !== ib) neighbourPairs.push([ia, ib], [ib, ia]);
      }
    }
    const { offsets, list } = neighbourCsr(codes.clusters.size, neighbourPairs);
    const side = (kind: PostingKind): Side => {
      const docs = encoded.filter((p) => p.doc.kind === kind);
      return {
        arrays: buildKindArrays(
          docs,
          codes,
          termText.length,
          weights,
          frozenForTerms(options.statistics?.[kind], codes.terms, termText.length),
        ),
        postingIds: docs.map((p) => p.doc.id),
        enterpriseIds: docs.map((p) => p.doc.enterpriseId),
      };
    };
    const sides = { demand: side('demand'), supply: side('supply') };
    return new MatchIndex(codes, termText, sides, weights, offsets, list, options.tokenizer);
  }

  /** The indexed postings' own statistics (whatever statistics the index scores with), to freeze them. */
  statistics(): CorpusStatistics {
    const of = (kind: PostingKind): KindStatistics => {
      const { docCount, averageLengths, termOffsets } = this.sides[kind].arrays;
      const documentFrequencies = new Map<string, number>();
      for (let t = 0; t + 1 < termOffsets.length; t++) {
        const df = termOffsets[t + 1] - termOffsets[t];
        if (df > 0) documentFrequencies.set(this.termText[t], df);
      }
      const [title, keywords, description] = averageLengths;
      return { documents: docCount, averageLengths: [title, keywords, description], documentFrequencies };
    };
    return { demand: of('demand'), supply: of('supply') };
  }

  /** Number of indexed postings of a kind. */
  count(kind: PostingKind): number {
    return this.sides[kind].arrays.docCount;
  }

  /**
   * Best counterparts of one posting (indexed or not), best first; score desc, then posting id asc.
   * The posting's own status is not checked (a draft may preview its matches).
   */
  query(doc: MatchDocument, options: QueryOptions): MatchResult[] {
    this.tokenizer ??= createTokenizer();
    return this.queryPrepared(prepareDocument(doc, this.tokenizer), options);
  }

  /** `query` for a posting tokenised earlier (a cache's copy of it): the same results, without tokenising. */
  queryPrepared(prepared: PreparedDocument, options: QueryOptions): MatchResult[] {
    const targetKind = counterpartKind(prepared.doc.kind);
    const target = this.sides[targetKind];
    const { kernel, params } = this.kernelFor(targetKind, options);
    this.encoder ??= new QueryEncoder(this.codes, this.weights, this.termText.length);
    const view = this.encoder.encode(prepared);
    const docs = new Int32Array(params.limit);
    const scores = new Float64Array(params.limit);
    const n = kernel.run(view, docs, scores, 0);
    const ctx = this.explainContext(target, params);
    return Array.from({ length: n }, (_, r) => explainResult(ctx, view, docs[r], scores[r]));
  }

  /**
   * Full re-match in this thread: every indexed posting's best counterparts, both directions, keyed by posting
   * id (an unpublished or expired posting maps to an empty list). See MatchWorkerPool for the threaded run.
   */
  matchAll(options: QueryOptions): Map<string, MatchResult[]> {
    const job = this.createBatchJob(options);
    this.scoreBatch(job);
    return this.collectBatch(job);
  }

  /** @internal scores a batch job in this thread (with any other threads working on the same job) */
  scoreBatch(job: BatchJob): void {
    runBatch(job);
  }

  /**
   * Every indexed posting's list, both directions, ranked in this thread: counterparts and scores, each list
   * explained only when its results are asked for (see `RankedList`). Demands first, then supplies, by posting id.
   */
  rankAll(options: QueryOptions): RankedList[] {
    const job = this.createBatchJob(options, { lists: 'ranked' });
    this.scoreBatch(job);
    return this.rankedLists(job);
  }

  /**
   * @internal shareable description of a full re-match, for worker threads. `lists` says what the threads add to
   * each ranking: `explained` the matched terms and reason masks of every result (`collectBatch`), `fingerprinted`
   * the matched terms and the list's fingerprint (`chunkLists`), `ranked` nothing (`rankedLists`: explained when
   * read).
   */
  createBatchJob(
    options: QueryOptions,
    { chunk = 64, lists = 'explained' }: { chunk?: number; lists?: BatchLists } = {},
  ): BatchJob {
    const params = kernelParams(this.weights, options, this.neighbourOffsets, this.neighbours);
    const total = this.count('demand') + this.count('supply');
    const onThreads = lists !== 'ranked';
    const explainTerms = explainedTerms(this.weights);
    const results = total * params.limit;
    const termSlots = onThreads ? results : 0;
    return {
      demand: this.sides.demand.arrays,
      supply: this.sides.supply.arrays,
      params,
      counter: sharedInt32(1),
      chunk,
      outDocs: sharedInt32(results),
      outScores: sharedFloat64(results),
      outCounts: sharedInt32(total),
      matchedTermsOnThreads: onThreads,
      explainTerms,
      reasonTerms: this.weights.explain.maxReasonTerms,
      parts: this.termParts(),
      outTerms: sharedInt32(termSlots * explainTerms),
      outTermCounts: sharedInt32(termSlots),
      outReasonMasks: sharedInt32(lists === 'explained' ? results : 0),
      fingerprints: lists === 'fingerprinted' ? this.fingerprintTables() : null,
      outFingerprints: sharedInt32(lists === 'fingerprinted' ? 2 * total : 0),
      chunkDone: sharedInt32(Math.ceil(total / chunk)),
    };
  }

  /** @internal turns a finished batch job into explained results */
  collectBatch(job: BatchJob): Map<string, MatchResult[]> {
    const collector = new BatchCollector(this, job);
    collector.collectReady();
    return collector.finish();
  }

  /**
   * @internal the calling thread's part of a threaded re-match: it scores chunks like the workers and, between
   * them, turns the chunks any thread finished into results; returns what is left to collect once all are done.
   */
  scoreAndCollect(job: BatchJob): BatchCollector {
    const scorer = new BatchScorer(job);
    const collector = new BatchCollector(this, job);
    do collector.collectReady();
    while (scorer.next());
    return collector;
  }

  /** @internal results of query `q` of a batch job (demands first, then supplies) */
  resultsOf(job: BatchJob, q: number, view: QueryView): MatchResult[] {
    const nDemand = this.count('demand');
    const kind: PostingKind = q < nDemand ? 'demand' : 'supply';
    const i = q < nDemand ? q : q - nDemand;
    const side = this.sides[kind];
    const n = job.outCounts[q];
    const results: MatchResult[] = new Array<MatchResult>(n);
    if (n === 0) return results;
    viewOf(side.arrays, i, view);
    const ctx = this.explainContext(this.sides[counterpartKind(kind)], job.params);
    const limit = job.params.limit;
    for (let r = 0; r < n; r++) {
      const at = q * limit + r;
      if (!job.matchedTermsOnThreads) {
        results[r] = explainResult(ctx, view, job.outDocs[at], job.outScores[at]);
        continue;
      }
      const terms = at * job.explainTerms;
      const count = job.outTermCounts[at];
      // the threads of a fingerprinted run leave the masks to the lists that are built
      const mask = job.fingerprints
        ? reasonTermMask(job.outTerms, terms, count, job.reasonTerms, job.parts)
        : job.outReasonMasks[at];
      results[r] = buildResult(
        ctx,
        view,
        job.outDocs[at],
        job.outScores[at],
        job.outTerms,
        terms,
        count,
        mask,
      );
    }
    return results;
  }

  /** @internal the lists of a batch job made with `ranked` lists, in query order */
  rankedLists(job: BatchJob): RankedList[] {
    if (job.matchedTermsOnThreads) throw new Error('rankedLists needs a batch job made with ranked lists');
    const out: RankedList[] = [];
    for (let q = 0; q < job.outCounts.length; q++) out.push(new BatchList(...this.listParts(job, q)));
    return out;
  }

  /** @internal the lists of chunk `c` of a batch job made with `fingerprinted` lists */
  chunkLists(job: BatchJob, c: number): ScoredList[] {
    if (!job.fingerprints) throw new Error('chunkLists needs a batch job made with fingerprinted lists');
    const out: ScoredList[] = [];
    for (let q = c * job.chunk, e = Math.min(job.outCounts.length, q + job.chunk); q < e; q++)
      out.push(
        new FingerprintedBatchList(...this.listParts(job, q), fingerprintHex(job.outFingerprints, 2 * q)),
      );
    return out;
  }

  /** What a list of query `q` of a batch job is made of (see `BatchList`). */
  private listParts(job: BatchJob, q: number): ConstructorParameters<typeof BatchList> {
    const nDemand = this.count('demand');
    const isDemand = q < nDemand;
    const at = q * job.params.limit;
    return [
      this,
      job,
      q,
      this.queryPostingId(q),
      isDemand ? q : q - nDemand,
      job.outDocs.subarray(at, at + job.outCounts[q]),
      this.sides[isDemand ? 'supply' : 'demand'].postingIds,
    ];
  }

  /** @internal posting id of query `q` of a batch job */
  queryPostingId(q: number): string {
    const nDemand = this.count('demand');
    return q < nDemand ? this.sides.demand.postingIds[q] : this.sides.supply.postingIds[q - nDemand];
  }

  /**
   * The kernel of a target kind and options, kept for the next query: building one costs O(postings of the kind)
   * (its accumulator and eligibility for the day), a query only O(its terms' postings). The last few are kept.
   */
  private kernelFor(kind: PostingKind, options: QueryOptions): { kernel: QueryKernel; params: KernelParams } {
    const key = `${kind}|${options.today}|${options.limit ?? DEFAULT_LIMIT}|${options.mode ?? 'fast'}`;
    let entry = this.kernels.get(key);
    if (!entry) {
      const params = kernelParams(this.weights, options, this.neighbourOffsets, this.neighbours);
      entry = { kernel: new QueryKernel(this.sides[kind].arrays, params), params };
      if (this.kernels.size >= KEPT_KERNELS) this.kernels.delete(this.kernels.keys().next().value!);
      this.kernels.set(key, entry);
    }
    return entry;
  }

  /** The hashes the scoring threads fingerprint lists with, computed once per index. */
  private fingerprintTables(): FingerprintTables {
    return (this.fingerprintHashes ??= {
      demandIdentities: identityHashes(this.sides.demand.postingIds, this.sides.demand.enterpriseIds),
      supplyIdentities: identityHashes(this.sides.supply.postingIds, this.sides.supply.enterpriseIds),
      terms: stringHashes(this.termText),
    });
  }

  private termParts(): TermParts {
    return (this.parts ??= termParts(this.termText, this.codes.terms));
  }

  private explainContext(target: Side, params: KernelParams): ExplainContext {
    return {
      target: target.arrays,
      params,
      weights: this.weights,
      termText: this.termText,
      postingIds: target.postingIds,
      enterpriseIds: target.enterpriseIds,
      parts: this.termParts(),
    };
  }
}
