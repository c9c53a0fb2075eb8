/**
 * Q1 — match quality on the graded evaluation set (eval-set.ts): nDCG@10 and recall@10 of the engine (fast and
 * exact) next to a plain BM25 baseline (same jieba dictionary, no synonyms, no structure, no rules), and the
 * forbidden pairs each returns (own enterprise, same kind, expired, draft or closed). Run: npm run bench:quality
 */
import { createTokenizer, MatchIndex, type MatchDocument, type MatchMode } from '@app/match-engine';
import { EVAL_NEIGHBOURS, EVAL_POSTINGS, EVAL_TODAY, QRELS } from './eval-set';
import { PlainBm25 } from './plain-bm25';

const K = 10;
const byId = new Map(EVAL_POSTINGS.map((d) => [d.id, d]));

function isForbidden(q: MatchDocument, c: MatchDocument): boolean {
  return (
    c.kind === q.kind ||
    c.enterpriseId === q.enterpriseId ||
    c.status !== 'published' ||
    (c.validUntil !== null && c.validUntil < EVAL_TODAY)
  );
}

function ndcg(ranked: string[], grades: Map<string, number>): number {
  const dcg = ranked
    .slice(0, K)
    .reduce((s, id, i) => s + (2 ** (grades.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, K)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

function recall(ranked: string[], grades: Map<string, number>): number {
  const relevant = [...grades].filter(([, g]) => g > 0).map(([id]) => id);
  const got = new Set(ranked.slice(0, K));
  return relevant.filter((id) => got.has(id)).length / relevant.length;
}

interface Row {
  name: string;
  ndcg: number;
  recall: number;
  forbidden: number;
  queries: number;
}

function evaluate(name: string, search: (q: MatchDocument) => string[]): Row {
  let n = 0;
  let sumNdcg = 0;
  let sumRecall = 0;
  let forbidden = 0;
  for (const [qid, grades] of QRELS) {
    const q = byId.get(qid)!;
    const ranked = search(q);
    forbidden += ranked.filter((id) => isForbidden(q, byId.get(id)!)).length;
    if (![...grades.values()].some((g) => g > 0)) continue;
    n++;
    sumNdcg += ndcg(ranked, grades);
    sumRecall += recall(ranked, grades);
  }
  return { name, ndcg: sumNdcg / n, recall: sumRecall / n, forbidden, queries: n };
}

function main(): void {
  const index = MatchIndex.build(EVAL_POSTINGS, { clusterNeighbours: EVAL_NEIGHBOURS });
  const engine = (mode: MatchMode) => (q: MatchDocument) =>
    index.query(q, { today: EVAL_TODAY, limit: K, mode }).map((r) => r.postingId);
  const plainTokenizer = createTokenizer({ synonyms: false, expandCompounds: false });
  const baselines = {
    demand: new PlainBm25(
      EVAL_POSTINGS.filter((d) => d.kind === 'supply'),
      plainTokenizer,
    ),
    supply: new PlainBm25(
      EVAL_POSTINGS.filter((d) => d.kind === 'demand'),
      plainTokenizer,
    ),
  };
  const rows = [
    evaluate('plain BM25 baseline', (q) => baselines[q.kind].search(q, K)),
    evaluate('engine, exact', engine('exact')),
    evaluate('engine, fast', engine('fast')),
  ];
  const demands = EVAL_POSTINGS.filter((d) => d.kind === 'demand').length;
  console.log(
    `Q1 match quality: ${EVAL_POSTINGS.length} postings (${demands} demands, ${EVAL_POSTINGS.length - demands} supplies), ` +
      `${rows[0].queries} judged queries, ${new Set(EVAL_POSTINGS.map((d) => d.clusterId)).size} clusters, today ${EVAL_TODAY}`,
  );
  console.log(
    `${'run'.padEnd(22)}${'nDCG@10'.padStart(9)}${'recall@10'.padStart(11)}${'forbidden'.padStart(11)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(22)}${r.ndcg.toFixed(3).padStart(9)}${r.recall.toFixed(3).padStart(11)}${String(r.forbidden).padStart(11)}`,
    );
  }
  const [base, , fast] = rows;
  console.log('--- ratios');
  console.log(`nDCG@10 engine (fast) / baseline:   ${(fast.ndcg / base.ndcg).toFixed(2)}×`);
  console.log(`recall@10 engine (fast) / baseline: ${(fast.recall / base.recall).toFixed(2)}×`);
  console.log(`forbidden pairs returned by the engine: ${rows[1].forbidden + rows[2].forbidden} (must be 0)`);
  if (rows[1].forbidden + rows[2].forbidden > 0) process.exitCode = 1;
}

main();
