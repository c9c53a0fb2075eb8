import { matchAll } from './match-all';
import { MatchIndex } from './match-index';
import { posting } from './posting.factory';
import type { MatchDocument, MatchResult, QueryOptions } from './types';

const TODAY = '2025-06-01';
const exact: QueryOptions = { today: TODAY, mode: 'exact' };

function ids(results: MatchResult[]): string[] {
  return results.map((r) => r.postingId);
}

const demand = (o: Partial<MatchDocument> = {}): MatchDocument =>
  posting({
    kind: 'demand',
    category: 'equipment',
    enterpriseId: 'buyer',
    title: '求购五轴联动数控机床',
    description: '用于航空发动机机匣精密加工',
    ...o,
  });
const supply = (o: Partial<MatchDocument> = {}): MatchDocument =>
  posting({
    kind: 'supply',
    category: 'equipment',
    title: '五轴联动数控机床',
    description: '立式五轴联动加工中心',
    ...o,
  });

describe('MatchIndex exclusions', () => {
  const query = demand();
  it.each<[string, Partial<MatchDocument>, boolean]>([
    ['a matching supply', {}, true],
    ['the same enterprise', { enterpriseId: 'buyer' }, false],
    ['valid until today (inclusive)', { validUntil: TODAY }, true],
    ['expired yesterday', { validUntil: '2025-05-31' }, false],
    ['a draft', { status: 'draft' }, false],
    ['closed', { status: 'closed' }, false],
    ['the same kind (another demand)', { kind: 'demand' }, false],
    ['an incompatible category', { category: 'market' }, false],
    ['no shared term', { title: '速冻水饺', description: '冷链配送' }, false],
  ])('%s → recommended: %s', (_label, overrides, expected) => {
    const candidate = supply(overrides);
    const results = MatchIndex.build([query, candidate]).query(query, exact);
    expect(ids(results).includes(candidate.id)).toBe(expected);
  });

  it('gives and receives nothing in a full re-match once expired', () => {
    const old = demand({ validUntil: '2025-01-01' });
    const s = supply();
    const all = matchAll([old], [s], { today: TODAY });
    expect(all.get(old.id)).toEqual([]);
    expect(all.get(s.id)).toEqual([]);
  });
});

describe('MatchIndex synonyms on both sides', () => {
  it.each([
    ['CNC五轴加工中心', '数控五轴加工中心'],
    ['数控车床', 'CNC车床'],
    ['PP改性料', '聚丙烯改性料'],
    ['聚丙烯专用料', 'PP专用料'],
    ['SBR橡胶', '丁苯橡胶'],
    ['丁苯橡胶', 'SBR1502'],
  ])('a demand for %s finds a supply of %s', (want, offer) => {
    const d = demand({ title: want, description: '', category: 'product' });
    const s = supply({ title: offer, description: '', category: 'product' });
    expect(ids(MatchIndex.build([d, s]).query(d, exact))).toEqual([s.id]);
  });

  it('does not match postings by their contact details', () => {
    const contact =
      '联系人：张先生，电话：024-23456789，邮箱 zhang@example.com，地址：沈阳市铁西区北二路18号';
    const d = demand({ title: '采购数控机床', description: contact, category: 'product' });
    const unrelated = supply({ title: '供应食用菌', description: contact, category: 'product' });
    const related = supply({ title: '数控机床整机', description: '', category: 'product' });
    const results = MatchIndex.build([d, unrelated, related]).query(d, exact);
    expect(ids(results)).toEqual([related.id]);
    expect(results[0].matchedTerms).toEqual(['数控机床', '数控', '机床']);
  });

  it('keeps the model number SBR1502 as a matched term', () => {
    const d = demand({ title: '求购SBR1502', description: '', category: 'product' });
    const s = supply({ title: '供应SBR1502丁苯橡胶', description: '', category: 'product' });
    const [r] = MatchIndex.build([d, s]).query(d, exact);
    expect(r.matchedTerms).toContain('SBR1502');
  });
});

describe('MatchIndex scoring', () => {
  it.each<[string, Partial<MatchDocument>, Partial<MatchDocument>]>([
    ['same category over a related one', { category: 'equipment' }, { category: 'service' }],
    ['same cluster over a neighbouring one', { clusterId: 'cnc' }, { clusterId: 'aero' }],
    ['a neighbouring cluster over an unrelated one', { clusterId: 'aero' }, { clusterId: 'food' }],
    ['same city over same province', { regionCode: '210102' }, { regionCode: '210202' }],
    ['same province over elsewhere', { regionCode: '210202' }, { regionCode: '110101' }],
    ['a leading enterprise over a backbone one', { tier: 'leading' }, { tier: 'backbone' }],
    ['a backbone enterprise over a key one', { tier: 'backbone' }, { tier: 'key' }],
  ])('ranks %s', (_label, better, worse) => {
    const d = demand({ clusterId: 'cnc', regionCode: '210106' });
    const a = supply({ id: 'z-better', ...better });
    const b = supply({ id: 'a-worse', ...worse });
    const index = MatchIndex.build([d, a, b], { clusterNeighbours: new Map([['cnc', ['aero']]]) });
    expect(ids(index.query(d, exact))).toEqual(['z-better', 'a-worse']);
  });

  it('ranks more shared terms first and breaks exact ties by posting id', () => {
    const d = demand();
    const weak = supply({ id: 's-weak', title: '数控机床', description: '' });
    const twinB = supply({ id: 's-b', title: '五轴联动数控机床', description: '' });
    const twinA = supply({ id: 's-a', title: '五轴联动数控机床', description: '' });
    expect(ids(MatchIndex.build([d, weak, twinB, twinA]).query(d, exact))).toEqual(['s-a', 's-b', 's-weak']);
  });

  it('explains a match in Chinese', () => {
    const d = demand({ clusterId: 'cnc', regionCode: '210106' });
    const s = supply({ clusterId: 'cnc', regionCode: '210102', tier: 'leading' });
    const [r] = MatchIndex.build([d, s]).query(d, exact);
    expect(r.reasons[0]).toMatch(/^关键词匹配：.*五轴联动/);
    expect(r.reasons).toEqual(expect.arrayContaining(['类别一致：设备更新', '同属集群', '同城', '龙头企业']));
    expect(r.enterpriseId).toBe(s.enterpriseId);
  });

  it.each<[Partial<MatchDocument>, string]>([
    [{ category: 'service', clusterId: 'aero', regionCode: '210202' }, '相邻集群（产业链上下游）'],
    [{ category: 'service', clusterId: 'aero', regionCode: '210202' }, '同省'],
    [{ category: 'service', clusterId: 'aero', regionCode: '210202' }, '类别相关：设备更新—专业服务'],
  ])('says %j → %s', (overrides, reason) => {
    const d = demand({ clusterId: 'cnc', regionCode: '210106' });
    const s = supply(overrides);
    const [r] = MatchIndex.build([d, s], { clusterNeighbours: new Map([['cnc', ['aero']]]) }).query(d, exact);
    expect(r.reasons).toContain(reason);
  });

  it('honours weight overrides (no related categories → the service supply is excluded)', () => {
    const d = demand();
    const s = supply({ category: 'service' });
    expect(MatchIndex.build([d, s]).query(d, exact)).toHaveLength(1);
    expect(MatchIndex.build([d, s], { weights: { category: { related: [] } } }).query(d, exact)).toHaveLength(
      0,
    );
  });
});

describe('matchAll', () => {
  const terms = [
    '数控机床',
    '五轴联动',
    '加工中心',
    '刀具',
    '主轴',
    '伺服电机',
    '滚珠丝杠',
    '直线导轨',
    '机床铸件',
    '数控系统',
  ];
  const generic = ['加工', '精密', '质量', '交货期'];
  const make = (kind: 'demand' | 'supply', i: number): MatchDocument =>
    posting({
      id: `${kind[0]}${String(i).padStart(3, '0')}`,
      enterpriseId: `e${i % 17}`,
      kind,
      category: i % 5 === 0 ? 'service' : 'equipment',
      title: `${terms[i % terms.length]}${terms[(i * 3) % terms.length]}`,
      description: [terms[(i * 7) % terms.length], ...generic, terms[(i * 11) % terms.length]].join('，'),
      clusterId: `c${i % 3}`,
      regionCode: `2101${String(i % 4).padStart(2, '0')}`,
      validUntil: i % 13 === 0 ? '2025-01-01' : null,
      tier: i % 4 === 0 ? 'leading' : null,
    });
  const demands = Array.from({ length: 60 }, (_, i) => make('demand', i));
  const supplies = Array.from({ length: 60 }, (_, i) => make('supply', i));

  it('answers both directions: demands get supplies and supplies get demands', () => {
    const all = matchAll(demands, supplies, { today: TODAY, mode: 'exact' });
    expect(all.get('d001')!.length).toBeGreaterThan(0);
    expect(all.get('d001')!.every((r) => r.postingId.startsWith('s'))).toBe(true);
    expect(all.get('s001')!.every((r) => r.postingId.startsWith('d'))).toBe(true);
  });

  it('never returns a forbidden pair', () => {
    const all = matchAll(demands, supplies, { today: TODAY, limit: 50, mode: 'exact' });
    const byId = new Map([...demands, ...supplies].map((d) => [d.id, d]));
    for (const [id, results] of all) {
      const q = byId.get(id)!;
      for (const r of results) {
        const c = byId.get(r.postingId)!;
        expect(c.kind).not.toBe(q.kind);
        expect(c.enterpriseId).not.toBe(q.enterpriseId);
        expect(c.validUntil === null || c.validUntil >= TODAY).toBe(true);
      }
    }
  });

  it('is deterministic: the same input gives the same output, in any input order', () => {
    const a = matchAll(demands, supplies, { today: TODAY });
    const b = matchAll([...demands].reverse(), [...supplies].reverse(), { today: TODAY });
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('returns results sorted by score desc, then posting id asc', () => {
    for (const results of matchAll(demands, supplies, { today: TODAY, limit: 30 }).values()) {
      for (let i = 1; i < results.length; i++) {
        const [p, r] = [results[i - 1], results[i]];
        expect(p.score > r.score || (p.score === r.score && p.postingId < r.postingId)).toBe(true);
      }
    }
  });

  it('fast mode agrees with exact mode on a small set', () => {
    const index = MatchIndex.build([...demands, ...supplies]);
    const e = index.matchAll({ today: TODAY, mode: 'exact' });
    const f = index.matchAll({ today: TODAY, mode: 'fast' });
    let hit = 0;
    let total = 0;
    for (const [id, results] of e) {
      const got = new Set(ids(f.get(id)!));
      total += results.length;
      hit += results.filter((r) => got.has(r.postingId)).length;
    }
    expect(total).toBeGreaterThan(0);
    expect(hit / total).toBeGreaterThanOrEqual(0.95);
  });

  it('query() of an indexed posting equals its entry in matchAll (the query encoder weighs as the index does)', () => {
    // a term in several fields (weights add up) and a token the index does not know
    const repeated = posting({
      id: 'd999',
      kind: 'demand',
      title: `${terms[0]}${terms[1]}`,
      keywords: [terms[0], terms[2]],
      description: `${terms[1]}，${terms[0]}，未收录词`,
    });
    const index = MatchIndex.build([...demands, ...supplies, repeated]);
    for (const mode of ['exact', 'fast'] as const) {
      const all = index.matchAll({ ...exact, mode });
      for (const q of [...demands, ...supplies, repeated].filter((d) => d.validUntil === null)) {
        expect(index.query(q, { ...exact, mode })).toEqual(all.get(q.id));
      }
    }
  });
});

describe('fast mode on a larger set (common terms skipped, candidates cut and refined)', () => {
  const terms = [
    '数控机床',
    '五轴联动',
    '加工中心',
    '刀具',
    '主轴',
    '伺服电机',
    '滚珠丝杠',
    '直线导轨',
    '机床铸件',
  ];
  const rare = ['谐波减速器', '光栅尺', '电主轴', '刀库', '冷却液', '排屑机', '卡盘', '尾座', '转台', '夹具'];
  const statuses = ['published', 'published', 'published', 'draft', 'closed'] as const;
  const make = (kind: 'demand' | 'supply', i: number): MatchDocument =>
    posting({
      id: `${kind[0]}${String(i).padStart(4, '0')}`,
      enterpriseId: `e${i % 29}`,
      kind,
      category: i % 7 === 0 ? 'service' : 'equipment',
      title: `${terms[i % terms.length]}${rare[(i * 3) % rare.length]}`,
      description: [terms[(i * 5) % terms.length], rare[(i * 7) % rare.length], '精密', '加工'].join('，'),
      clusterId: `c${i % 4}`,
      regionCode: `2101${String(i % 5).padStart(2, '0')}`,
      validUntil: i % 11 === 0 ? '2025-05-31' : i % 6 === 0 ? TODAY : null,
      status: statuses[i % statuses.length],
      tier: i % 3 === 0 ? 'backbone' : null,
    });
  const demands = Array.from({ length: 300 }, (_, i) => make('demand', i));
  const supplies = Array.from({ length: 300 }, (_, i) => make('supply', i));
  const byId = new Map([...demands, ...supplies].map((d) => [d.id, d]));
  // a small refine depth makes the first stage cut its candidate buffer many times; terms in more than 5 % of
  // the postings are common here although the set is small
  const pruning = { fast: { refineDepth: 12, minCommonDocumentFrequency: 0 } };
  const index = MatchIndex.build([...demands, ...supplies], { weights: pruning });
  const fast: QueryOptions = { today: TODAY, mode: 'fast' };

  it('never returns a forbidden pair (same kind, own enterprise, expired, draft or closed)', () => {
    const all = index.matchAll({ ...fast, limit: 12 });
    let pairs = 0;
    for (const [id, results] of all) {
      const q = byId.get(id)!;
      if (q.status !== 'published' || (q.validUntil !== null && q.validUntil < TODAY)) {
        expect(results).toEqual([]);
        continue;
      }
      for (const r of results) {
        const c = byId.get(r.postingId)!;
        pairs++;
        expect(c.kind).not.toBe(q.kind);
        expect(c.enterpriseId).not.toBe(q.enterpriseId);
        expect(c.status).toBe('published');
        expect(c.validUntil === null || c.validUntil >= TODAY).toBe(true);
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });

  it('is deterministic and sorted by score desc, then posting id asc', () => {
    const a = index.matchAll(fast);
    const b = MatchIndex.build([...supplies, ...demands].reverse(), { weights: pruning }).matchAll(fast);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    for (const results of a.values()) {
      for (let i = 1; i < results.length; i++) {
        const [p, r] = [results[i - 1], results[i]];
        expect(p.score > r.score || (p.score === r.score && p.postingId < r.postingId)).toBe(true);
      }
    }
  });

  it('scores a pair it returns exactly as exact mode does', () => {
    const f = index.matchAll(fast);
    const e = index.matchAll({ ...exact, limit: 300 });
    let checked = 0;
    for (const [id, results] of f) {
      const scores = new Map(e.get(id)!.map((r) => [r.postingId, r.score]));
      for (const r of results) {
        expect(scores.get(r.postingId)).toBe(r.score);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps recall@10 against exact mode at 0.95 or more', () => {
    const f = index.matchAll(fast);
    const e = index.matchAll(exact);
    let hit = 0;
    let total = 0;
    for (const [id, results] of e) {
      const got = new Set(ids(f.get(id)!));
      total += results.length;
      hit += results.filter((r) => got.has(r.postingId)).length;
    }
    expect(total).toBeGreaterThan(1000);
    expect(hit / total).toBeGreaterThanOrEqual(0.95);
  });

  it('adds a frequent term to a candidate wherever the candidate sits in its list', () => {
    // 数控机床 is in every supply: in the title of 1,995 (a high impact), in a long description of three of the
    // five that also say 谐波减速器. Those three must outrank the two that lack it, however long its list is: a
    // cap of 1,500 postings a term, read best impact first, once dropped them (recall@10 0.78 at 100k × 100k)
    const holders = ['s2', 's3', 's4'];
    const docs = [
      posting({
        id: 'd',
        kind: 'demand',
        enterpriseId: 'buyer',
        title: '谐波减速器数控机床',
        description: '',
      }),
      ...['s0', 's1', ...holders].map((id) =>
        posting({
          id,
          kind: 'supply',
          enterpriseId: `e-${id}`,
          title: '谐波减速器',
          description: holders.includes(id) ? `${'精密加工，'.repeat(40)}数控机床` : '精密加工，'.repeat(40),
        }),
      ),
      ...Array.from({ length: 1995 }, (_, i) =>
        posting({ id: `t${i}`, kind: 'supply', enterpriseId: `f${i}`, title: '数控机床', description: '' }),
      ),
    ];
    // nothing common; 数控机床 (in more than 100 postings) only adds to the candidates 谐波减速器 brings
    const frequent = {
      fast: {
        maxDocumentFrequencyRatio: 1,
        maxCandidateDocumentFrequencyRatio: 0,
        minCandidateDocumentFrequency: 100,
      },
    };
    const large = MatchIndex.build(docs, { weights: frequent });
    const found = large.query(docs[0], fast);
    expect(ids(found).slice(0, 5).sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(ids(found).slice(0, 3).sort()).toEqual(holders);
    expect(found).toEqual(
      large.query(docs[0], { ...exact, limit: 10 }).filter((r) => ids(found).includes(r.postingId)),
    );
  });

  it('is exact on a small set with the default weights: no term is common below 1,000 postings', () => {
    // half the supplies say 轴承 (a common term once pruning applies), one says 光栅尺, the rest 齿轮
    const docs = [
      posting({ id: 'd', kind: 'demand', enterpriseId: 'buyer', title: '轴承光栅尺', description: '轴承' }),
      ...Array.from({ length: 40 }, (_, i) =>
        posting({
          id: `s${String(i).padStart(2, '0')}`,
          kind: 'supply',
          enterpriseId: `e${i}`,
          title: i === 7 ? '光栅尺' : i < 20 ? '轴承' : '齿轮',
          description: i === 7 ? '光栅尺' : i < 20 ? '轴承' : '齿轮',
        }),
      ),
    ];
    const plain = MatchIndex.build(docs);
    expect(ids(plain.query(docs[0], fast))).toEqual(ids(plain.query(docs[0], exact)));
    expect(plain.query(docs[0], fast)).toHaveLength(10);
    // forced pruning reads only the rare term's list: the rule above is what keeps small sets exact
    const pruned = MatchIndex.build(docs, { weights: { fast: { minCommonDocumentFrequency: 0 } } });
    expect(ids(pruned.query(docs[0], fast))).toEqual(['s07']);
  });
});
