import { MatchIndex } from './match-index';
import { posting } from './posting.factory';
import type { MatchResult, QueryOptions } from './types';

const TODAY = '2025-06-01';
const fast: QueryOptions = { today: TODAY, mode: 'fast' };
const exact: QueryOptions = { today: TODAY, mode: 'exact' };
const ids = (rs: MatchResult[]): string[] => rs.map((r) => r.postingId);

describe('fast mode: frequent terms add to the candidates rarer terms found', () => {
  // one supply says 光栅尺 and 轴承, twenty say 轴承 only (frequent once the limit is 5), the rest 齿轮
  const docs = [
    posting({ id: 'd1', kind: 'demand', enterpriseId: 'buyer', title: '轴承光栅尺', description: '轴承' }),
    posting({ id: 'd2', kind: 'demand', enterpriseId: 'buyer', title: '轴承', description: '轴承' }),
    ...Array.from({ length: 40 }, (_, i) =>
      posting({
        id: `s${String(i).padStart(2, '0')}`,
        kind: 'supply',
        enterpriseId: `e${i}`,
        title: i === 7 ? '光栅尺轴承' : i < 20 ? '轴承' : '齿轮',
        description: i < 20 ? '轴承' : '齿轮',
      }),
    ),
  ];
  const build = (): MatchIndex =>
    MatchIndex.build(docs, {
      weights: { fast: { maxCandidateDocumentFrequencyRatio: 0, minCandidateDocumentFrequency: 5 } },
    });
  const index = build();

  it('brings no candidates of their own when a rarer term matches, yet count in the score', () => {
    const f = index.query(docs[0], fast);
    expect(ids(f)).toEqual(['s07']);
    const e = index.query(docs[0], exact);
    expect(e).toHaveLength(10);
    expect(e[0].postingId).toBe('s07');
    expect(f[0].score).toBeCloseTo(e[0].score, 6);
    expect(f[0].matchedTerms).toEqual(e[0].matchedTerms);
  });

  it('bring the candidates when no rarer term matches', () => {
    expect(ids(index.query(docs[1], fast))).toEqual(ids(index.query(docs[1], exact)));
    expect(index.query(docs[1], fast)).toHaveLength(10);
  });

  it('are not frequent with the default weights on a small set (fast mode stays exact there)', () => {
    const plain = MatchIndex.build(docs);
    expect(plain.query(docs[0], fast)).toEqual(plain.query(docs[0], exact));
    expect(plain.query(docs[0], fast)).toHaveLength(10);
  });

  it('leave nothing behind for the next query', () => {
    const used = build();
    used.query(docs[0], fast);
    expect(used.query(docs[1], fast)).toEqual(build().query(docs[1], fast));
  });

  it('leave the full re-match equal to the single queries', () => {
    const all = index.matchAll(fast);
    expect(all.get('d1')).toEqual(index.query(docs[0], fast));
    expect(all.get('d2')).toEqual(index.query(docs[1], fast));
  });
});
