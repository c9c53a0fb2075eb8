import { DataSource, type EntityManager } from 'typeorm';
import type { MatchResult } from '@app/match-engine';
import { runListsOf, storeLists, storeRunLists, toPairs, type QueryPosting } from '@app/core';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Rewriting scores is a heap-only (HOT) update: the new row version stays on its page and no index gets an entry.
 * A statistics renewal rewrites every score at once; at the default fillfactor, or with `updated_at` (indexed)
 * set, each rewritten row cost an entry in all four indexes (10.4–12.2 s against 1.7–1.8 s for 780k rows).
 */
describe('match writers rewrite scores as HOT updates and leave updated_at', () => {
  let tdb: TestDatabase;
  let db: DataSource;
  let postings: QueryPosting[] = [];
  const PER_KIND = 60;
  const LIST = 10;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url });
    await db.initialize();
    const ents: { id: string }[] = await db.query(`
      INSERT INTO enterprises (name, credit_code, region_code, scale)
      SELECT '评分企业' || i, '91' || lpad(i::text, 16, '0'), '210102', 'small' FROM generate_series(1, 20) i
      RETURNING id`);
    const rows: { id: string; kind: 'demand' | 'supply'; enterprise_id: string }[] = await db.query(
      `INSERT INTO postings (enterprise_id, kind, category, title, status)
       SELECT ($1::uuid[])[1 + n % 20], CASE WHEN n % 2 = 0 THEN 'demand' ELSE 'supply' END, 'product',
              '评分测试' || n, 'published'
         FROM generate_series(1, $2::int) n
       RETURNING id, kind, enterprise_id`,
      [ents.map((e) => e.id), 2 * PER_KIND],
    );
    postings = rows.map((r) => ({ id: r.id, kind: r.kind, enterpriseId: r.enterprise_id }));
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  /** The lists with the demands' first, as a full run gives them (a supply list is kept only after its demands). */
  function demandsFirst(all: Map<string, MatchResult[]>): Map<string, MatchResult[]> {
    const kind = new Map(postings.map((p) => [p.id, p.kind]));
    return new Map(
      [...all].sort(([a], [b]) => Number(kind.get(a) === 'supply') - Number(kind.get(b) === 'supply')),
    );
  }

  /** Every posting's list: the next LIST counterparts of other enterprises, scores scaled by `factor`. */
  function lists(factor: number): Map<string, MatchResult[]> {
    const out = new Map<string, MatchResult[]>();
    postings.forEach((q, at) => {
      const others = postings.filter((p) => p.kind !== q.kind && p.enterpriseId !== q.enterpriseId);
      const picked = Array.from({ length: LIST }, (_, i) => others[(at + 3 * i) % others.length]);
      out.set(
        q.id,
        picked.map((p, i) => ({
          postingId: p.id,
          enterpriseId: p.enterpriseId,
          score: (0.9 - i * 0.05) * factor,
          // explanations as long as real ones, so that the rows fill their pages
          reasons: ['关键词匹配：数控机床、五轴联动、精密加工', '同一产业集群', '同城（沈阳市）'],
          matchedTerms: ['数控机床', '五轴联动', '精密加工', '主轴', `词${i}`],
        })),
      );
    });
    return out;
  }

  async function updateCounts(m: EntityManager): Promise<{ updated: number; hot: number }> {
    const [row]: { updated: number; hot: number }[] = await m.query(
      `SELECT n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot
         FROM pg_stat_xact_user_tables WHERE relname = 'recommendations'`,
    );
    return row;
  }

  /**
   * Updates of recommendations made by `write`, and how many of them were HOT. Counted as a difference: the
   * backend's pending statistics, which these counters read, also hold what its transactions of the last second did.
   */
  async function updatesBy(
    write: (m: EntityManager) => Promise<unknown>,
  ): Promise<{ updated: number; hot: number }> {
    return db.transaction(async (m) => {
      const start = await updateCounts(m);
      await write(m);
      const end = await updateCounts(m);
      return { updated: end.updated - start.updated, hot: end.hot - start.hot };
    });
  }

  /**
   * A table of freshly written lists: every page at the fillfactor, with room for each row's next version. A second
   * rewrite of the same rows is HOT only once the first one's old versions are pruned, which waits for every older
   * snapshot of the database to end (autovacuum's included), so each test starts from fresh rows. CASCADE empties
   * the meetings and intents that may point at a recommendation: none in this spec.
   */
  async function freshLists(): Promise<void> {
    await db.query(`TRUNCATE recommendations, match_list_digests CASCADE`);
    await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, lists(1))));
  }

  const stamps = async (): Promise<Map<string, string>> =>
    new Map(
      (
        (await db.query(`SELECT id, updated_at::text AS at FROM recommendations`)) as {
          id: string;
          at: string;
        }[]
      ).map((r) => [r.id, r.at]),
    );

  it('a run that moves every score updates every row in place', async () => {
    await freshLists();
    const before = await stamps();
    expect(before.size).toBeGreaterThan(500);

    // statistics taken again and every shown score moves (by 5 %): every list is written
    const updates = await updatesBy((m) => storeRunLists(m, postings, runListsOf(postings, lists(1.05))));
    expect(updates.updated).toBe(before.size);
    expect(updates.hot).toBe(updates.updated);
    expect(await stamps()).toEqual(before);
    const moved = new Set(Array.from({ length: LIST }, (_, i) => (0.9 - i * 0.05) * 1.05));
    const scores: { s: number }[] = await db.query(
      `SELECT demand_score AS s FROM recommendations WHERE demand_score IS NOT NULL`,
    );
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.filter(({ s }) => !moved.has(s))).toEqual([]);
  });

  it('a run whose scores moved below the shown two decimals writes nothing', async () => {
    await freshLists();
    const before: { s: number }[] = await db.query(
      `SELECT demand_score AS s FROM recommendations WHERE demand_score IS NOT NULL ORDER BY id`,
    );
    const updates = await updatesBy((m) =>
      storeRunLists(m, postings, runListsOf(postings, demandsFirst(lists(1.000001)))),
    );
    expect(updates.updated).toBe(0);
    expect(
      await db.query(
        `SELECT demand_score AS s FROM recommendations WHERE demand_score IS NOT NULL ORDER BY id`,
      ),
    ).toEqual(before);
  });

  it("a single posting's match rewrites its side in place too", async () => {
    await freshLists();
    const demands = postings.filter((p) => p.kind === 'demand');
    const before = await stamps();
    const next = lists(1.000002);
    const updates = await updatesBy((m) =>
      storeLists(
        m,
        'demand',
        demands.map((d) => d.id),
        demands.flatMap((d) => toPairs(d, next.get(d.id)!)),
      ),
    );
    expect(updates.updated).toBe(demands.length * LIST);
    expect(updates.hot).toBe(updates.updated);
    expect(await stamps()).toEqual(before);
  });
});
