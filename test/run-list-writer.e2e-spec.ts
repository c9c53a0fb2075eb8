import { DataSource } from 'typeorm';
import type { MatchResult } from '@app/match-engine';
import { runListsOf, storeLists, storeRunLists, toPairs, type QueryPosting } from '@app/core';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The set-based writer of whole match runs against the per-side writer it replaces for runs: on random lists and
 * random earlier rows (with statuses people set), both leave the same table; a re-run rewrites nothing.
 */
describe('storeRunLists writes a match run like storeLists does side by side', () => {
  let tdb: TestDatabase;
  let db: DataSource;
  let seed = 20261128;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let postings: QueryPosting[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url });
    await db.initialize();
    const ents: { id: string }[] =
      await db.query(`INSERT INTO enterprises (name, credit_code, region_code, scale)
      SELECT '写入企业' || i, '91' || lpad(i::text, 16, '0'), '210102', 'small' FROM generate_series(1, 12) i
      RETURNING id`);
    const rows: { id: string; kind: 'demand' | 'supply'; enterprise_id: string }[] = await db.query(
      `INSERT INTO postings (enterprise_id, kind, category, title, status)
       SELECT e, CASE WHEN n % 2 = 0 THEN 'demand' ELSE 'supply' END, 'product', '写入测试' || n, 'published'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(e, n), generate_series(1, 3) g
       RETURNING id, kind, enterprise_id`,
      [ents.map((e) => e.id)],
    );
    postings = rows.map((r) => ({ id: r.id, kind: r.kind, enterpriseId: r.enterprise_id }));
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  /** Random top lists of every posting against the other kind (no own enterprise), scores and reasons. */
  function randomLists(): Map<string, MatchResult[]> {
    const lists = new Map<string, MatchResult[]>();
    for (const q of postings) {
      const others = postings.filter((p) => p.kind !== q.kind && p.enterpriseId !== q.enterpriseId);
      const picked = others.filter(() => rnd() < 0.35).slice(0, 5);
      lists.set(
        q.id,
        picked.map((p, i) => ({
          postingId: p.id,
          enterpriseId: p.enterpriseId,
          score: Math.round((1 - i * 0.1 - rnd() * 0.05) * 1000) / 1000,
          // text that COPY's format must escape, too
          reasons:
            rnd() < 0.2
              ? []
              : [`关键词匹配：${q.kind}${i}`, i === 1 ? '反斜杠\\、制表\t与换行\n\r' : '同一集群'],
          // and what an array parameter must quote
          matchedTerms: [`词${i}`, `${q.kind}`, i === 2 ? 'NULL' : '引号"与{花括号},逗号'],
        })),
      );
    }
    return lists;
  }

  /** Earlier rows: random pairs with scores on either side and statuses people set. */
  async function earlierRows(): Promise<void> {
    // rows written behind the writers' backs: no list digest may vouch for them
    await restore([]);
    const demands = postings.filter((p) => p.kind === 'demand');
    const supplies = postings.filter((p) => p.kind === 'supply');
    for (const d of demands) {
      for (const s of supplies) {
        if (d.enterpriseId === s.enterpriseId || rnd() > 0.3) continue;
        await db.query(
          `INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
             demand_score, supply_score, reasons, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            d.id,
            s.id,
            d.enterpriseId,
            s.enterpriseId,
            rnd() < 0.6 ? 0.5 : null,
            rnd() < 0.6 ? 0.4 : null,
            ['旧理由'],
            rnd() < 0.7 ? 'new' : rnd() < 0.5 ? 'contacted' : 'dismissed',
          ],
        );
      }
    }
  }

  const table = () =>
    db.query(
      `SELECT demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id, demand_score,
              supply_score, reasons, matched_terms, status
         FROM recommendations ORDER BY demand_posting_id, supply_posting_id`,
    );

  /** Puts back rows read by `table()`, with no list digests (as if written by hand). */
  async function restore(rows: Record<string, unknown>[]): Promise<void> {
    await db.query(`DELETE FROM match_list_digests`);
    await db.query(`DELETE FROM recommendations`);
    for (const row of rows) {
      await db.query(
        `INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
           demand_score, supply_score, reasons, matched_terms, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        Object.values(row),
      );
    }
  }

  /** The lists with every demand's before every supply's, as a full run gives them. */
  const demandsFirst = (lists: Map<string, MatchResult[]>) =>
    new Map(
      [...lists].sort(
        ([a], [b]) =>
          Number(postings.find((p) => p.id === a)!.kind === 'supply') -
          Number(postings.find((p) => p.id === b)!.kind === 'supply'),
      ),
    );

  const digestVersions = async () =>
    new Map(
      (
        (await db.query(`SELECT posting_id, xmin::text AS v FROM match_list_digests`)) as {
          posting_id: string;
          v: string;
        }[]
      ).map((r) => [r.posting_id, r.v]),
    );

  it.each([
    ['every posting is a query', 1],
    ['only some postings are queries (a cluster run)', 0.5],
  ])('%s', async (_name, share) => {
    for (let round = 0; round < 4; round++) {
      const lists = randomLists();
      const queries = postings.filter(() => rnd() < share);
      await earlierRows();
      const before = await table();
      expect(before.length).toBeGreaterThan(10);
      await db.transaction(async (m) => {
        for (const side of ['demand', 'supply'] as const) {
          const sideQueries = queries.filter((q) => q.kind === side);
          const pairs = sideQueries.flatMap((q) => toPairs(q, lists.get(q.id) ?? []));
          await storeLists(
            m,
            side,
            sideQueries.map((q) => q.id),
            pairs,
          );
        }
      });
      const expected = await table();
      await restore(before);
      const stored = await db.transaction((m) => storeRunLists(m, queries, runListsOf(queries, lists)));
      expect(await table()).toEqual(expected);
      const pairs = new Set(
        queries.flatMap((q) =>
          (lists.get(q.id) ?? []).map((r) => (q.kind === 'demand' ? q.id + r.postingId : r.postingId + q.id)),
        ),
      );
      expect(stored.written).toBe(pairs.size);

      // the same run again changes no row
      const stamps = await db.query(`SELECT id, updated_at FROM recommendations ORDER BY id`);
      const again = await db.transaction((m) => storeRunLists(m, queries, runListsOf(queries, lists)));
      expect(again.removed).toBe(0);
      expect(await db.query(`SELECT id, updated_at FROM recommendations ORDER BY id`)).toEqual(stamps);
    }
  });

  it('a re-run writes only the lists that changed, and leaves the table a full rewrite would', async () => {
    for (let round = 0; round < 4; round++) {
      await earlierRows();
      const first = demandsFirst(randomLists());
      await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, first)));

      // the same lists again: no list is written, so no digest is either
      const versions = await digestVersions();
      expect(versions.size).toBe(postings.length);
      await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, first)));
      expect(await digestVersions()).toEqual(versions);

      // a single posting matched in between, and some lists changed
      const single = postings[Math.floor(rnd() * postings.length)];
      await db.transaction((m) =>
        storeLists(m, single.kind, [single.id], toPairs(single, randomLists().get(single.id) ?? [])),
      );
      const fresh = randomLists();
      const changed = new Set(postings.filter(() => rnd() < 0.3).map((p) => p.id));
      const next = new Map([...first].map(([id, list]) => [id, changed.has(id) ? fresh.get(id)! : list]));
      const before = await table();
      const kept = await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, next)));
      const after = await table();
      const rewritten = await digestVersions();
      const unchangedDemands = postings.filter(
        (p) => p.kind === 'demand' && p.id !== single.id && !changed.has(p.id),
      );
      expect(unchangedDemands.length).toBeGreaterThan(0);
      for (const p of unchangedDemands) expect(rewritten.get(p.id)).toBe(versions.get(p.id));

      // the reference: the same table and lists with no digests, so every list is written
      await restore(before);
      const full = await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, next)));
      expect(after).toEqual(await table());
      expect(kept).toEqual(full);
    }
  });

  it('keeps a supply list while the demands written on it still list it, and writes it when one dropped it', async () => {
    await restore([]);
    const demand = postings.find((p) => p.kind === 'demand')!;
    const [kept, dropped] = postings.filter(
      (p) => p.kind === 'supply' && p.enterpriseId !== demand.enterpriseId,
    );
    const result = (p: QueryPosting, score: number): MatchResult => ({
      postingId: p.id,
      enterpriseId: p.enterpriseId,
      score,
      reasons: [`关键词匹配：${p.kind}`],
      matchedTerms: [p.kind],
    });
    const lists = (demandList: MatchResult[]) =>
      demandsFirst(
        new Map([
          ...randomLists(),
          [demand.id, demandList],
          [kept.id, [result(demand, 0.7)]],
          [dropped.id, [result(demand, 0.6)]],
        ]),
      );
    await db.transaction((m) =>
      storeRunLists(m, postings, runListsOf(postings, lists([result(kept, 0.9), result(dropped, 0.8)]))),
    );
    const versions = await digestVersions();

    // the demand's list changes: it still lists one supply, and no longer the other
    const next = lists([result(kept, 0.95)]);
    const before = await table();
    await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, next)));
    const after = await table();
    const rewritten = await digestVersions();
    expect(rewritten.get(demand.id)).not.toBe(versions.get(demand.id));
    expect(rewritten.get(kept.id)).toBe(versions.get(kept.id));
    expect(rewritten.get(dropped.id)).not.toBe(versions.get(dropped.id));
    // the dropped pair now shows the supply's explanation, as a full rewrite leaves it
    await restore(before);
    await db.transaction((m) => storeRunLists(m, postings, runListsOf(postings, next)));
    expect(after).toEqual(await table());
  });
});
