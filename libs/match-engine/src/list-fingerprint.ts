import { REASON_TEXTS } from './pair-reasons';
import { KEYWORD_REASON, KEYWORD_SEPARATOR, roundedScore } from './result-explainer';
import { sharedInt32 } from './shared-arrays';
import type { MatchResult, PostingKind } from './types';

/**
 * List fingerprints: a 64-bit hash of what a match list shows, so that a match run tells an unchanged list
 * without building it. It covers the query (kind, posting, enterprise) and, in order, each result's posting,
 * enterprise, score to the two decimals people see (`SHOWN_SCORE`), number of reasons, reasons after the keyword
 * one, and matched terms: the stored rows are a function of these, up to a score's further decimals. So a
 * renewal of the corpus statistics, which moves every score a little, rewrites only the lists whose order,
 * counterparts, explanations or shown scores it changed; the others keep the scores they were written with.
 *
 * The keyword reason itself is left out: it names the matched terms that are not inside another matched term, up
 * to `maxReasonTerms`, so it is a function of the matched terms' texts (both terms of such a pair are matched
 * terms), and the rule's label, separator and limit salt every fingerprint. Leaving it out spares the scoring
 * threads the reason mask (~11 % of their time at 20k × 20k).
 *
 * Defined over strings (`listFingerprint`, from finished results) and computed on the scoring threads from the
 * engine's numbers (`ListHasher`), which feed the hashes of the same strings. Two 32-bit lanes (murmur3's and
 * xxHash32's rounds), so a changed list passes for unchanged with a chance of about 2^-64.
 */
class Hasher {
  private a = 0;
  private b = 0;

  reset(): this {
    this.a = 0x6a09e667;
    this.b = 0x3c6ef372;
    return this;
  }

  word(x: number): void {
    let k = Math.imul(x, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    const a = this.a ^ k;
    this.a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
    const b = (this.b + Math.imul(x, 0x85ebca77)) | 0;
    this.b = Math.imul((b << 13) | (b >>> 19), 0x9e3779b1);
  }

  /** Two words at `words[at]`: a string's hash. */
  pair(words: Int32Array, at: number): void {
    this.word(words[at]);
    this.word(words[at + 1]);
  }

  codeUnits(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  /** The score's bits as shown (rounded), so that both ways of computing it feed the same two words. */
  score(score: number): void {
    // rounded as stored first: the threads' raw score and a result's stored one round alike at x.xx5
    scoreBits[0] = Math.round(roundedScore(score) * SHOWN_SCORE) / SHOWN_SCORE;
    this.word(scoreWords[0]);
    this.word(scoreWords[1]);
  }

  /** Ends the stream with its length (in whatever the caller counted), writing two words at `out[at]`. */
  finish(length: number, out: Int32Array, at: number): void {
    out[at] = mix(this.a ^ length);
    out[at + 1] = mix(this.b ^ Math.imul(length, 0x27d4eb2f));
  }
}

/**
 * A score as people see it: the console shows a percentage (匹配度 47), the phone two decimals. Finer changes
 * (a renewal's drift) do not make a list changed.
 */
const SHOWN_SCORE = 100;
const scoreBits = new Float64Array(1);
const scoreWords = new Int32Array(scoreBits.buffer);

/** murmur3's finaliser: every input bit reaches every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function stringHash(s: string, hasher: Hasher, out: Int32Array, at: number): void {
  hasher.reset().codeUnits(s);
  hasher.finish(s.length, out, at);
}

/** The strings' hashes, two words each, shareable with the scoring threads. */
export function stringHashes(texts: readonly string[]): Int32Array {
  const out = sharedInt32(2 * texts.length);
  const hasher = new Hasher();
  for (let i = 0; i < texts.length; i++) stringHash(texts[i], hasher, out, 2 * i);
  return out;
}

/** Per document: the hashes of its posting id and its enterprise id (four words). */
export function identityHashes(postingIds: readonly string[], enterpriseIds: readonly string[]): Int32Array {
  const out = sharedInt32(4 * postingIds.length);
  const hasher = new Hasher();
  for (let d = 0; d < postingIds.length; d++) {
    stringHash(postingIds[d], hasher, out, 4 * d);
    stringHash(enterpriseIds[d], hasher, out, 4 * d + 2);
  }
  return out;
}

const hex = (word: number): string => (word >>> 0).toString(16).padStart(8, '0');

/** A fingerprint's two words as 16 hex digits. */
export function fingerprintHex(words: Int32Array, at: number): string {
  return hex(words[at]) + hex(words[at + 1]);
}

const keywordRules = new Map<number, Int32Array>();

/** The salt of the keyword reason's rule, which the fingerprints cover instead of its text (made once a limit). */
function keywordRule(maxReasonTerms: number): Int32Array {
  let rule = keywordRules.get(maxReasonTerms);
  if (!rule) {
    rule = new Int32Array(2);
    stringHash(`${KEYWORD_REASON}\u0000${KEYWORD_SEPARATOR}\u0000${maxReasonTerms}`, new Hasher(), rule, 0);
    keywordRules.set(maxReasonTerms, rule);
  }
  return rule;
}

/**
 * The fingerprint of a list from its finished results, as 16 hex digits; `maxReasonTerms` is that of the weights
 * the results were explained with. Each result's first reason is taken to be the keyword one.
 */
export function listFingerprint(
  kind: PostingKind,
  postingId: string,
  enterpriseId: string,
  results: readonly MatchResult[],
  maxReasonTerms: number,
): string {
  const list = new Hasher().reset();
  const text = new Hasher();
  const h = new Int32Array(2);
  const feed = (s: string): void => {
    stringHash(s, text, h, 0);
    list.pair(h, 0);
  };
  list.pair(keywordRule(maxReasonTerms), 0);
  list.word(kind === 'demand' ? 0 : 1);
  feed(postingId);
  feed(enterpriseId);
  for (const r of results) {
    feed(r.postingId);
    feed(r.enterpriseId);
    list.score(r.score);
    list.word(r.reasons.length);
    for (let k = 1; k < r.reasons.length; k++) feed(r.reasons[k]);
    list.word(r.matchedTerms.length);
    for (const term of r.matchedTerms) feed(term);
  }
  list.finish(results.length, h, 0);
  return fingerprintHex(h, 0);
}

/** What the scoring threads need to fingerprint lists: hashes of the strings the engine numbers. */
export interface FingerprintTables {
  /** Per document of each kind: `identityHashes`. */
  demandIdentities: Int32Array;
  supplyIdentities: Int32Array;
  /** Per term id: the hash of its text. */
  terms: Int32Array;
}

const REASON_HASHES = stringHashes(REASON_TEXTS);

/**
 * `listFingerprint` on a scoring thread, fed result by result from the engine's numbers: `begin`, one `result`
 * per result in order, `end`.
 */
export class ListHasher {
  private readonly list = new Hasher();
  private readonly rule: Int32Array;
  private count = 0;

  constructor(
    private readonly tables: FingerprintTables,
    maxReasonTerms: number,
  ) {
    this.rule = keywordRule(maxReasonTerms);
  }

  begin(kind: PostingKind, doc: number): void {
    const ids = kind === 'demand' ? this.tables.demandIdentities : this.tables.supplyIdentities;
    this.list.reset().pair(this.rule, 0);
    this.list.word(kind === 'demand' ? 0 : 1);
    for (let w = 4 * doc; w < 4 * doc + 4; w++) this.list.word(ids[w]);
    this.count = 0;
  }

  /**
   * A result: candidate `d` of the other kind, its score, its matched term ids `terms[at..at+n)`, and its reasons
   * after the keyword one (positions in REASON_TEXTS) `reasons[0..m)`.
   */
  result(
    targetKind: PostingKind,
    d: number,
    score: number,
    terms: Int32Array,
    at: number,
    n: number,
    reasons: Int32Array,
    m: number,
  ): void {
    const { list, tables } = this;
    const ids = targetKind === 'demand' ? tables.demandIdentities : tables.supplyIdentities;
    for (let w = 4 * d; w < 4 * d + 4; w++) list.word(ids[w]);
    list.score(score);
    list.word(1 + m);
    for (let r = 0; r < m; r++) list.pair(REASON_HASHES, 2 * reasons[r]);
    list.word(n);
    for (let r = 0; r < n; r++) list.pair(tables.terms, 2 * terms[at + r]);
    this.count++;
  }

  /** Writes the list's fingerprint (two words) at `out[at]`. */
  end(out: Int32Array, at: number): void {
    this.list.finish(this.count, out, at);
  }
}
