import { dateToInt, NO_EXPIRY } from './china-date';
import { inverseDocumentFrequency, type FrozenKindStatistics } from './corpus-statistics';
import type { KindArrays } from './kind-arrays';
import type { MatchWeights } from './match-weights';
import { categoryCode, regionCode, tierCode } from './posting-codes';
import type { MatchDocument } from './types';
import { sharedFloat32, sharedInt32, sharedInt8 } from './shared-arrays';

/** Integer ids shared by both kinds' indexes: terms, enterprises, clusters. */
export interface Codebook {
  terms: Map<string, number>;
  enterprises: Map<string, number>;
  clusters: Map<string, number>;
}

/** A posting with its title, keywords and description as term ids. */
export interface EncodedDocument {
  doc: MatchDocument;
  fields: readonly [Int32Array, Int32Array, Int32Array];
}

/** At most this many common terms get a dense impact row (memory: slots × documents × 4 bytes). */
const MAX_COMMON_SLOTS = 512;

/**
 * Builds the BM25F index of postings that all have the same kind, already sorted by id. Scores and the fast
 * mode's thresholds use `frozen` statistics when given (see corpus-statistics.ts), else the postings' own.
 */
export function buildKindArrays(
  docs: readonly EncodedDocument[],
  codes: Codebook,
  vocabSize: number,
  w: MatchWeights,
  frozen?: FrozenKindStatistics,
): KindArrays {
  const n = docs.length;
  const fieldW = [w.bm25.title, w.bm25.keywords, w.bm25.description];
  const liveAvgLen = [0, 1, 2].map(
    (f) => docs.reduce((s, d) => s + d.fields[f].length, 0) / Math.max(1, n) || 1,
  );
  const avgLen = frozen ? frozen.averageLengths.map((a) => a || 1) : liveAvgLen;
  const documents = frozen?.documents ?? n;
  const k1 = w.bm25.k1;
  const k3 = w.queryTermSaturation;

  // pass 1: per document, distinct terms (ascending) with BM25F pseudo-frequency and raw weighted frequency
  const slot = new Int32Array(vocabSize).fill(-1);
  const fwdOffsets = sharedInt32(n + 1);
  // distinct terms never outnumber tokens: one allocation, no growing
  let cap = Math.max(
    1,
    docs.reduce((s, d) => s + d.fields[0].length + d.fields[1].length + d.fields[2].length, 0),
  );
  let docTerms = new Int32Array(cap);
  let docPseudoTf = new Float64Array(cap);
  let docQueryTf = new Float64Array(cap);
  const df = new Int32Array(vocabSize);
  const uniq = new Int32Array(4096);
  const pseudo = new Float64Array(4096);
  const raw = new Float64Array(4096);
  let total = 0;
  for (let d = 0; d < n; d++) {
    let u = 0;
    for (let f = 0; f < 3; f++) {
      const tokens = docs[d].fields[f];
      const norm = 1 - fieldW[f].b + (fieldW[f].b * tokens.length) / avgLen[f];
      const pw = fieldW[f].weight / norm;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        let s = slot[t];
        if (s < 0) {
          if (u === uniq.length) continue; // a 4096-term posting: the rest adds nothing
          s = slot[t] = u;
          uniq[u] = t;
          pseudo[u] = 0;
          raw[u++] = 0;
        }
        pseudo[s] += pw;
        raw[s] += fieldW[f].weight;
      }
    }
    if (total + u > cap) {
      while (total + u > cap) cap *= 2;
      docTerms = grow(docTerms, cap);
      docPseudoTf = grow(docPseudoTf, cap);
      docQueryTf = grow(docQueryTf, cap);
    }
    // ascending, so that the forward lists are written here in order: transposing the inverted lists instead
    // cost a scattered write per posting entry (~70 ms of a 20k-posting kind's ~140 ms build)
    sortTerms(uniq, u);
    for (let i = 0; i < u; i++) {
      const t = uniq[i];
      const s = slot[t];
      docTerms[total] = t;
      docPseudoTf[total] = pseudo[s];
      docQueryTf[total++] = raw[s];
      df[t]++;
      slot[t] = -1;
    }
    fwdOffsets[d + 1] = total;
  }

  const idf = sharedFloat32(vocabSize);
  const termOffsets = sharedInt32(vocabSize + 1);
  const commonSlot = sharedInt32(vocabSize).fill(-1);
  const maxDf = Math.max(
    Math.floor(w.fast.maxDocumentFrequencyRatio * documents),
    w.fast.minCommonDocumentFrequency,
  );
  const frozenDf = frozen?.documentFrequency;
  const common: number[] = [];
  for (let t = 0; t < vocabSize; t++) {
    const scoredDf = frozenDf && frozenDf[t] >= 0 ? frozenDf[t] : df[t];
    idf[t] = df[t] === 0 ? 0 : inverseDocumentFrequency(documents, scoredDf);
    termOffsets[t + 1] = termOffsets[t] + df[t];
    if (df[t] > maxDf && common.length < MAX_COMMON_SLOTS) common.push(t);
  }
  // most frequent first: the terms most queries refine with share the first cache lines of a row
  common.sort((a, b) => df[b] - df[a] || a - b);
  common.forEach((t, k) => (commonSlot[t] = k));
  const commonCount = common.length;

  // pass 2: impacts, forward (each document's terms ascending) and inverted (documents ascending in each list)
  const postDocs = sharedInt32(total);
  const postImpacts = sharedFloat32(total);
  const commonImpacts = sharedFloat32(commonCount * n);
  const fwdTerms = sharedInt32(total);
  fwdTerms.set(docTerms.subarray(0, total));
  const fwdImpacts = sharedFloat32(total);
  const fwdQueryWeights = sharedFloat32(total);
  const fill = termOffsets.slice(0, vocabSize);
  for (let d = 0; d < n; d++) {
    for (let p = fwdOffsets[d]; p < fwdOffsets[d + 1]; p++) {
      const t = docTerms[p];
      const tf = docPseudoTf[p];
      const impact = (idf[t] * tf * (k1 + 1)) / (k1 + tf);
      const raw = docQueryTf[p];
      fwdImpacts[p] = impact;
      fwdQueryWeights[p] = (raw * (k3 + 1)) / (k3 + raw);
      const at = fill[t]++;
      postDocs[at] = d;
      postImpacts[at] = impact;
      if (commonSlot[t] >= 0) commonImpacts[d * commonCount + commonSlot[t]] = impact;
    }
  }

  const enterprise = sharedInt32(n);
  const cluster = sharedInt32(n);
  const city = sharedInt32(n);
  const province = sharedInt32(n);
  const validUntil = sharedInt32(n);
  const tier = sharedInt8(n);
  const category = sharedInt8(n);
  const published = sharedInt8(n);
  docs.forEach(({ doc }, d) => {
    enterprise[d] = codes.enterprises.get(doc.enterpriseId) ?? -1;
    cluster[d] = doc.clusterId === null ? -1 : (codes.clusters.get(doc.clusterId) ?? -1);
    const region = regionCode(doc.regionCode);
    city[d] = region < 0 ? -1 : Math.floor(region / 100);
    province[d] = region < 0 ? -1 : Math.floor(region / 10000);
    validUntil[d] = doc.validUntil === null ? NO_EXPIRY : dateToInt(doc.validUntil);
    tier[d] = tierCode(doc.tier);
    category[d] = categoryCode(doc.category);
    published[d] = doc.status === 'published' ? 1 : 0;
  });
  const { cities, cityIndex } = indexCities(city);

  return {
    docCount: n,
    averageLengths: liveAvgLen,
    termOffsets,
    postDocs,
    postImpacts,
    idf,
    fwdOffsets,
    fwdTerms,
    fwdImpacts,
    fwdQueryWeights,
    enterprise,
    cluster,
    city,
    province,
    cities,
    cityIndex,
    tier,
    category,
    validUntil,
    published,
    commonSlot,
    maxCandidateDf: Math.max(
      Math.floor(w.fast.maxCandidateDocumentFrequencyRatio * documents),
      w.fast.minCandidateDocumentFrequency,
    ),
    commonCount,
    commonImpacts,
  };
}

/** Sorted distinct city codes and each document's position among them (-1: unknown). */
function indexCities(city: Int32Array): { cities: Int32Array; cityIndex: Int32Array } {
  const codes = [...new Set(city)].filter((c) => c >= 0).sort((a, b) => a - b);
  const position = new Map(codes.map((c, i) => [c, i]));
  const cities = sharedInt32(codes.length);
  cities.set(codes);
  const cityIndex = sharedInt32(city.length);
  for (let d = 0; d < city.length; d++) cityIndex[d] = city[d] < 0 ? -1 : position.get(city[d])!;
  return { cities, cityIndex };
}

/** Sorts `terms[0..u)` ascending: by insertion for a posting's usual few dozen terms, natively beyond. */
function sortTerms(terms: Int32Array, u: number): void {
  if (u > 64) {
    terms.subarray(0, u).sort();
    return;
  }
  for (let i = 1; i < u; i++) {
    const t = terms[i];
    let j = i - 1;
    while (j >= 0 && terms[j] > t) {
      terms[j + 1] = terms[j];
      j--;
    }
    terms[j + 1] = t;
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
