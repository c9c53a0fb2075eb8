import { inverseDocumentFrequency } from './corpus-statistics';
import { MatchIndex } from './match-index';
import { posting } from './posting.factory';
import type { MatchDocument, MatchResult, QueryOptions } from './types';

const exact: QueryOptions = { today: '2025-06-01', mode: 'exact' };

const demands = [
  posting({
    kind: 'demand',
    category: 'equipment',
    title: '求购五轴联动数控机床',
    description: '航空机匣精密加工',
  }),
  posting({ kind: 'demand', category: 'product', title: '采购丁苯橡胶SBR1502', description: '轮胎胎面胶用' }),
];
const supplies = [
  posting({ kind: 'supply', category: 'equipment', title: '五轴联动数控机床', description: '立式加工中心' }),
  posting({ kind: 'supply', category: 'equipment', title: '数控机床维修', description: '五轴设备保养' }),
  posting({ kind: 'supply', category: 'product', title: '丁苯橡胶供应', description: 'SBR1502 现货' }),
  posting({ kind: 'supply', category: 'product', title: '天然橡胶', description: '烟胶片 标准胶' }),
];
/** Published later: shares 数控机床 with the first demand, so live statistics move that demand's scores. */
const newcomer = posting({
  kind: 'supply',
  category: 'equipment',
  title: '数控机床整机',
  description: '卧式车床',
});

const scores = (index: MatchIndex, doc: MatchDocument): Array<[string, number]> =>
  index.query(doc, exact).map((r: MatchResult) => [r.postingId, r.score]);

describe('frozen corpus statistics', () => {
  const before = MatchIndex.build([...demands, ...supplies]);
  const frozen = before.statistics();

  it('counts each kind: postings, mean field lengths and postings per term', () => {
    expect(frozen.demand.documents).toBe(2);
    expect(frozen.supply.documents).toBe(4);
    expect(frozen.supply.documentFrequencies.get('数控')).toBe(2);
    expect(frozen.supply.documentFrequencies.get('炭黑')).toBeUndefined();
    expect(frozen.supply.averageLengths.every((a) => a > 0)).toBe(true);
  });

  it('score exactly as the live ones when the postings are the same', () => {
    const again = MatchIndex.build([...demands, ...supplies], { statistics: frozen });
    for (const d of [...demands, ...supplies]) expect(scores(again, d)).toEqual(scores(before, d));
  });

  it('keep the scores of pairs whose postings did not change when another is published', () => {
    const live = MatchIndex.build([...demands, ...supplies, newcomer]);
    const held = MatchIndex.build([...demands, ...supplies, newcomer], { statistics: frozen });
    const old = scores(before, demands[0]);
    // live statistics move every score of the query; frozen ones add the newcomer and change nothing else
    expect(scores(live, demands[0]).filter(([id]) => id !== newcomer.id)).not.toEqual(old);
    expect(scores(held, demands[0]).filter(([id]) => id !== newcomer.id)).toEqual(old);
    expect(scores(held, demands[0]).map(([id]) => id)).toContain(newcomer.id);
    expect(scores(held, demands[1])).toEqual(scores(before, demands[1]));
  });

  it('count a term they do not know with its live frequency, weighted above zero', () => {
    const unknown = posting({ kind: 'supply', category: 'product', title: '炭黑N330', description: '' });
    const wants = posting({ kind: 'demand', category: 'product', title: '求购炭黑', description: '' });
    const index = MatchIndex.build([...demands, ...supplies, unknown, wants], { statistics: frozen });
    expect(index.query(wants, exact).map((r) => r.postingId)).toEqual([unknown.id]);
    expect(inverseDocumentFrequency(4, 9)).toBeGreaterThan(0);
    expect(inverseDocumentFrequency(4, 1)).toBeCloseTo(Math.log(1 + 3.5 / 1.5), 12);
  });
});
