import { runBatch } from './batch-runner';
import { listFingerprint } from './list-fingerprint';
import { MatchIndex } from './match-index';
import { DEFAULT_MATCH_WEIGHTS } from './match-weights';
import { FACTORY_WORDS, posting } from './posting.factory';
import type { EnterpriseTier, MatchDocument, MatchResult, PostingCategory } from './types';

const words = FACTORY_WORDS;
const categories: PostingCategory[] = ['product', 'equipment', 'service', 'technology'];
const tiers: Array<EnterpriseTier | null> = [null, 'leading', 'backbone', 'key'];
const regions = ['210102', '210103', '210202', '220102', null];
const clusters = ['rubber', 'tyres', 'machine-tools', null];

/** Postings whose results give every kind of reason: categories, clusters and neighbours, cities, provinces, tiers. */
const docs: MatchDocument[] = Array.from({ length: 240 }, (_, i) =>
  posting({
    id: `f${String(i).padStart(3, '0')}`,
    enterpriseId: `e${i % 31}`,
    kind: i % 2 ? 'supply' : 'demand',
    category: categories[(i >> 1) % 4],
    title: `${words[i % 10]}${words[(i * 7) % 10]}`,
    keywords: [words[(i * 3) % 10], words[(i + 2) % 10]],
    description: `${words[(i * 5) % 10]}、${words[(i * 9 + 1) % 10]}与${words[(i + 4) % 10]}`,
    clusterId: clusters[(i >> 2) % 4],
    regionCode: regions[(i >> 1) % 5],
    tier: tiers[(i >> 3) % 4],
    validUntil: i % 37 === 0 ? '2025-01-01' : null,
  }),
);
const neighbours = new Map([['rubber', ['tyres']]]);
const OPTIONS = { today: '2025-06-01', limit: 60 };

/** Every query's list of a threaded-style batch job with fingerprints: posting id, fingerprint, results. */
function fingerprintedLists(
  index: MatchIndex,
): Array<{ id: string; fingerprint: string; results: readonly MatchResult[] }> {
  const job = index.createBatchJob(OPTIONS, { chunk: 16, lists: 'fingerprinted' });
  runBatch(job);
  return Array.from({ length: job.chunkDone.length }, (_, c) => index.chunkLists(job, c))
    .flat()
    .map((l) => ({ id: l.postingId, fingerprint: l.fingerprint, results: l.results() }));
}

const byId = new Map(docs.map((d) => [d.id, d]));
const fromResults = (id: string, results: readonly MatchResult[]): string =>
  listFingerprint(
    byId.get(id)!.kind,
    id,
    byId.get(id)!.enterpriseId,
    results,
    DEFAULT_MATCH_WEIGHTS.explain.maxReasonTerms,
  );

describe('list fingerprints', () => {
  const index = MatchIndex.build(docs, { clusterNeighbours: neighbours });
  const lists = fingerprintedLists(index);

  it('are the same computed by the scoring threads as from the finished results', () => {
    expect(lists.length).toBe(docs.length);
    for (const { id, fingerprint, results } of lists)
      expect([id, fingerprint]).toEqual([id, fromResults(id, results)]);
    // the lists give every kind of reason, so each part of the threads' computation was compared
    const reasons = new Set(lists.flatMap((l) => l.results.flatMap((r) => r.reasons.slice(1))));
    for (const reason of ['同属集群', '相邻集群（产业链上下游）', '同城', '同省', '龙头企业'])
      expect(reasons).toContain(reason);
    expect(lists.some((l) => l.results.length === 0)).toBe(true);
  });

  it('differ between lists, and change with anything a stored row holds', () => {
    expect(new Set(lists.map((l) => l.fingerprint)).size).toBe(lists.length);
    const { id, results } = lists.find(
      (l) => l.results.length >= 3 && l.results[0].matchedTerms.length >= 2,
    )!;
    const [first, second] = results;
    const before = fromResults(id, results);
    const changed = (edit: (r: MatchResult[]) => void): string => {
      const copy = results.map((r) => ({ ...r, reasons: [...r.reasons], matchedTerms: [...r.matchedTerms] }));
      edit(copy);
      return fromResults(id, copy);
    };
    expect(changed(() => undefined)).toBe(before);
    // a score as shown: two decimals (a renewal's drift below that leaves the list as it is)
    expect(changed((r) => (r[0].score = Math.round(r[0].score * 100) / 100 + 0.001))).toBe(
      changed((r) => (r[0].score = Math.round(r[0].score * 100) / 100)),
    );
    expect(changed((r) => (r[0].score += 0.01))).not.toBe(before);
    expect(changed((r) => (r[0].reasons[1] += '（改）'))).not.toBe(before);
    expect(changed((r) => r[0].reasons.pop())).not.toBe(before);
    expect(changed((r) => (r[0].matchedTerms = [...r[0].matchedTerms].reverse()))).not.toBe(before);
    expect(changed((r) => (r[0].enterpriseId = 'e-other'))).not.toBe(before);
    expect(changed((r) => ([r[0], r[1]] = [second, first]))).not.toBe(before);
    expect(changed((r) => r.pop())).not.toBe(before);
    // a reason's text moved into the next one is a different list, not the same characters
    expect(changed((r) => (r[0].reasons = [r[0].reasons.join('')]))).not.toBe(before);
  });

  it('cover the keyword reason by the matched terms it is made of, and by its rule', () => {
    // the premise: results with the same matched terms, in order, have the same keyword reason
    const keywordByTerms = new Map<string, Set<string>>();
    for (const r of lists.flatMap((l) => l.results)) {
      const key = r.matchedTerms.join('|');
      keywordByTerms.set(key, (keywordByTerms.get(key) ?? new Set()).add(r.reasons[0]));
    }
    expect(keywordByTerms.size).toBeGreaterThan(20);
    for (const reasons of keywordByTerms.values()) expect(reasons.size).toBe(1);
    // so its text is not hashed, but a change of its rule changes every fingerprint
    const { id, results } = lists.find((l) => l.results.length > 0)!;
    const edited = results.map((r, i) =>
      i === 0 ? { ...r, reasons: ['关键词匹配：别的', ...r.reasons.slice(1)] } : r,
    );
    expect(fromResults(id, edited)).toBe(fromResults(id, results));
    const { kind, enterpriseId } = byId.get(id)!;
    const limit = DEFAULT_MATCH_WEIGHTS.explain.maxReasonTerms;
    expect(listFingerprint(kind, id, enterpriseId, results, limit + 1)).not.toBe(fromResults(id, results));
  });

  it('follow the index: the same postings give the same fingerprints, an edited one changes its lists', () => {
    const again = fingerprintedLists(MatchIndex.build(docs, { clusterNeighbours: neighbours }));
    expect(again.map((l) => l.fingerprint)).toEqual(lists.map((l) => l.fingerprint));
    // the counterpart on most lists moves to another province
    const seen = new Map<string, number>();
    for (const l of lists) for (const r of l.results) seen.set(r.postingId, (seen.get(r.postingId) ?? 0) + 1);
    const moved = [...seen].sort((a, b) => b[1] - a[1])[0][0];
    const edited = docs.map((d) => (d.id === moved ? { ...d, regionCode: '220102' } : d));
    const after = new Map(
      fingerprintedLists(MatchIndex.build(edited, { clusterNeighbours: neighbours })).map((l) => [l.id, l]),
    );
    const touched = lists.filter((l) => l.results.some((r) => r.postingId === moved));
    expect(touched.length).toBeGreaterThan(0);
    for (const l of touched) {
      const now = after.get(l.id)!;
      expect(now.fingerprint === l.fingerprint).toBe(
        JSON.stringify(now.results) === JSON.stringify(l.results),
      );
    }
    expect(touched.some((l) => after.get(l.id)!.fingerprint !== l.fingerprint)).toBe(true);
  });
});
