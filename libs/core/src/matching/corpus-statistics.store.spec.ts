import { DataSource } from 'typeorm';
import type { MatchIndex, MatchDocument } from '@app/match-engine';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { STATISTICS_RENEWAL } from './corpus-statistics.store';
import { loadDocuments } from './posting-documents';
import { PostingIndexCache } from './posting-index.cache';

const MIN = STATISTICS_RENEWAL.minDocuments;
const WORDS = ['数控机床', '五轴联动', '丁苯橡胶', '炭黑', '聚丙烯', '晶圆', '刻蚀', '轴承', '齿轮', '液压'];

/** The posting cache's statistics on a real database: taken once the corpus is big enough, kept until it drifts. */
describe('corpus statistics of the posting cache', () => {
  let tdb: TestDatabase;
  let db: DataSource;
  let seller: string;
  let buyer: string;
  let query: MatchDocument;

  const stored = async (): Promise<Array<{ kind: string; documents: number; taken_at: Date }>> =>
    db.query(`SELECT kind, documents, taken_at FROM match_corpus_statistics ORDER BY kind`);
  /** Publishes `count` postings of a kind, titled with two of WORDS each (the query's terms among them). */
  const publish = (kind: 'demand' | 'supply', count: number, from = 0): Promise<unknown> =>
    db.query(
      `INSERT INTO postings (enterprise_id, kind, category, title, status)
       SELECT $1, $2, 'product', ($4::text[])[1 + i % 10] || ' ' || ($4::text[])[1 + (i / 10) % 10] || ' 批次' || i,
              'published'
         FROM generate_series($3::int, $3::int + $5::int - 1) i`,
      [kind === 'demand' ? buyer : seller, kind, from, WORDS, count],
    );
  const scores = (index: MatchIndex, except: Set<string> = new Set()): Array<[string, number]> =>
    index
      .query(query, { today: '2026-01-01', mode: 'exact', limit: 20 })
      .filter((r) => !except.has(r.postingId))
      .map((r) => [r.postingId, r.score]);

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url });
    await db.initialize();
    [{ id: seller }, { id: buyer }] = await db.query(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       VALUES ('统计卖方', '91210102MA0STAT01X', '210102', 'small'), ('统计买方', '91210102MA0STAT02X', '210102', 'small')
       RETURNING id`,
    );
    const [{ id }] = await db.query(
      `INSERT INTO postings (enterprise_id, kind, category, title, status)
       VALUES ($1, 'demand', 'product', '求购数控机床 五轴联动 液压', 'published') RETURNING id`,
      [buyer],
    );
    [{ doc: query }] = await loadDocuments(db.manager, [id]);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  it('are not taken while either kind has fewer postings than the floor', async () => {
    await publish('supply', MIN);
    await publish('demand', MIN - 2); // with the query: one short of the floor
    await new PostingIndexCache(db).current(true);
    expect(await stored()).toEqual([]);
  });

  it('are taken once both kinds reach it, and every process scores with them', async () => {
    await publish('demand', 1, MIN);
    const first = new PostingIndexCache(db);
    const index = await first.current(true);
    const rows = await stored();
    expect(rows.map((r) => [r.kind, r.documents])).toEqual([
      ['demand', MIN],
      ['supply', MIN],
    ]);
    expect(scores(await new PostingIndexCache(db).current(true))).toEqual(scores(index));
  });

  it('keep the scores of unchanged pairs while the corpus grows less than the drift', async () => {
    const cache = new PostingIndexCache(db);
    const before = await cache.current(true);
    const [taken] = await stored();
    const few = Math.floor(STATISTICS_RENEWAL.maxDrift * MIN) - 1;
    await publish('supply', few, 10 * MIN);
    const after = await cache.current(true);
    expect(after).not.toBe(before);
    const newcomers = new Set<string>(
      (await db.query(`SELECT id FROM postings WHERE title LIKE '% 批次1____'`)).map(
        (r: { id: string }) => r.id,
      ),
    );
    expect(newcomers.size).toBe(few);
    const was = new Map(scores(before));
    const both = scores(after, newcomers).filter(([id]) => was.has(id));
    expect(both.length).toBeGreaterThan(10);
    for (const [id, score] of both) expect(score).toBe(was.get(id));
    expect((await stored())[0].taken_at).toEqual(taken.taken_at);
  });

  it('are taken again once a kind grew by more than the drift, and the scores then move', async () => {
    const cache = new PostingIndexCache(db);
    const before = await cache.current(true);
    const [taken] = await stored();
    await publish('supply', Math.ceil(STATISTICS_RENEWAL.maxDrift * MIN) + 1, 20 * MIN);
    const after = await cache.current(true);
    const rows = await stored();
    expect(rows.map((r) => r.documents)).toEqual([MIN, (await cache.current()).count('supply')]);
    expect(rows[0].taken_at.getTime()).toBeGreaterThan(taken.taken_at.getTime());
    const oldIds = new Set(scores(before).map(([id]) => id));
    const kept = scores(after).filter(([id]) => oldIds.has(id));
    const was = new Map(scores(before));
    expect(kept.some(([id, score]) => score !== was.get(id))).toBe(true);
  });

  it('are taken again once older than the longest they are kept', async () => {
    const cache = new PostingIndexCache(db);
    await cache.current(true);
    const days = STATISTICS_RENEWAL.maxAgeMs / 86_400_000 + 1;
    await db.query(`UPDATE match_corpus_statistics SET taken_at = now() - make_interval(days => $1)`, [days]);
    await cache.current(true);
    const [row] = await stored();
    expect(Date.now() - row.taken_at.getTime()).toBeLessThan(60_000);
  });
});
