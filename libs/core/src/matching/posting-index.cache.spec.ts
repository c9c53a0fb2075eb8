import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { loadDocuments } from './posting-documents';
import { MatchTokenizer } from './match-tokenizer';
import { PostingIndexCache } from './posting-index.cache';

/**
 * The worker's posting cache on a real database: a posting matched before the index held it is matched again
 * after a rebuild only when that rebuild brought a posting of the other kind (what it could newly find).
 */
describe('PostingIndexCache rechecks', () => {
  let tdb: TestDatabase;
  let db: DataSource;
  let enterprise: string;
  const afterRefreshPause = () => new Promise((r) => setTimeout(r, 250));

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url });
    await db.initialize();
    [{ id: enterprise }] = await db.query(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       VALUES ('缓存测试企业', '91210102MA0000001X', '210102', 'small') RETURNING id`,
    );
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  async function publish(kind: 'demand' | 'supply', title: string, by = enterprise): Promise<string> {
    const [{ id }]: { id: string }[] = await db.query(
      `INSERT INTO postings (enterprise_id, kind, category, title, status) VALUES ($1, $2, 'product', $3, 'published')
       RETURNING id`,
      [by, kind, title],
    );
    return id;
  }

  /** What a match of the posting does when the index does not hold this version of it yet. */
  async function matchNow(
    cache: PostingIndexCache,
    id: string,
    kind: 'demand' | 'supply',
    version = 1,
  ): Promise<void> {
    await afterRefreshPause();
    const index = await cache.current();
    expect(cache.holds(index, id, version)).toBe(false);
    cache.noteStale(id, version, kind, cache.generationOf(index));
  }

  it('rechecks after a rebuild that added the other kind, and not after one that added only its own', async () => {
    await publish('supply', '数控机床整机供应');
    const cache = new PostingIndexCache(db);
    const first = await cache.current();
    expect(cache.generationOf(first)).toBe(1);

    // a burst of demands alone: each was matched against every supply there is
    const lone = await publish('demand', '采购五轴联动加工中心');
    await matchNow(cache, lone, 'demand');
    expect(cache.holds(await cache.current(true), lone, 1)).toBe(true);
    expect(cache.takeRechecks()).toEqual([]);

    // a supply published around the demand's match: the demand must meet it
    const paired = await publish('demand', '采购数控刀具');
    await matchNow(cache, paired, 'demand');
    expect(cache.takeRechecks()).toEqual([]); // not indexed yet: it waits for the rebuild
    await publish('supply', '数控刀具批量供应');
    await cache.current(true);
    expect(cache.takeRechecks()).toEqual([{ postingId: paired, version: 1 }]);
    expect(cache.takeRechecks()).toEqual([]); // once
  });

  it("lends its tokens to a posting whose text it holds, and they match as the posting's own", async () => {
    const [{ id: supplier }]: { id: string }[] = await db.query(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       VALUES ('橡胶供应企业', '91210102MA0000002X', '210102', 'small') RETURNING id`,
    );
    const supply = await publish('supply', '丁苯橡胶SBR1502现货', supplier);
    const demand = await publish('demand', '求购SBR丁苯橡胶');
    const cache = new PostingIndexCache(db);
    const index = await cache.current();
    const [loaded] = await loadDocuments(db.manager, [demand]);
    const lent = cache.preparedAs(loaded.doc)!;
    expect(lent.doc).toBe(loaded.doc);
    expect(lent.title).toEqual(expect.arrayContaining(['丁苯橡胶']));
    const options = { today: '2026-11-28', limit: 10, mode: 'exact' } as const;
    const results = index.queryPrepared(lent, options);
    expect(results.map((r) => r.postingId)).toContain(supply);
    expect(results).toEqual(index.query(loaded.doc, options));
    expect(cache.preparedAs({ ...loaded.doc, title: '求购顺丁橡胶' })).toBeUndefined();
    expect(cache.preparedAs({ ...loaded.doc, keywords: ['橡胶'] })).toBeUndefined();
  });

  it("tokenises with the site's dictionary, so that postings meet on its terms", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlink-cache-dict-'));
    try {
      writeFileSync(join(dir, 'industrial-dict.txt'), '前缘修复 30000 n\n');
      const [{ id: repairer }]: { id: string }[] = await db.query(
        `INSERT INTO enterprises (name, credit_code, region_code, scale)
         VALUES ('叶片修复企业', '91210102MA0000005X', '210102', 'small') RETURNING id`,
      );
      const supply = await publish('supply', '承接风机叶片前缘修复', repairer);
      const demand = await publish('demand', '寻求风电叶片前缘修复服务');
      const [loaded] = await loadDocuments(db.manager, [demand]);
      const options = { today: '2026-11-28', limit: 10, mode: 'exact' } as const;
      const termsWith = async (cache: PostingIndexCache) =>
        (await cache.current()).query(loaded.doc, options).find((r) => r.postingId === supply)?.matchedTerms;
      expect(
        await termsWith(new PostingIndexCache(db, new MatchTokenizer({ matchDictionaryDir: dir }))),
      ).toContain('前缘修复');
      expect(await termsWith(new PostingIndexCache(db))).not.toContain('前缘修复');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats an edited posting like a new one: the index must hold the edited version', async () => {
    const demand = await publish('demand', '采购碳纤维复合材料');
    const cache = new PostingIndexCache(db);
    expect(cache.holds(await cache.current(), demand, 1)).toBe(true);
    await db.query(
      `UPDATE postings SET title = '采购碳纤维预浸料', version = 2, updated_at = now() WHERE id = $1`,
      [demand],
    );
    await matchNow(cache, demand, 'demand', 2);
    await publish('supply', '碳纤维预浸料供应');
    await cache.current(true);
    expect(cache.takeRechecks()).toEqual([{ postingId: demand, version: 2 }]);
  });

  it('does not rebuild for a change to the kind the queries do not score against, and scores them alike', async () => {
    const [{ id: caster }]: { id: string }[] = await db.query(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       VALUES ('压铸企业', '91210102MA0000003X', '210102', 'small') RETURNING id`,
    );
    await publish('supply', '铝合金压铸件加工', caster);
    const cache = new PostingIndexCache(db);
    const built = await cache.current();
    const demand = await publish('demand', '采购铝合金压铸件');
    await afterRefreshPause();
    // past the rebuild interval
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 6000);
    try {
      const forDemands = await cache.current(false, ['supply']);
      expect(forDemands).toBe(built);
      expect(cache.holds(forDemands, demand, 1)).toBe(false);
      const rebuilt = await cache.current(false, ['demand']);
      expect(cache.generationOf(rebuilt)).toBe(cache.generationOf(built) + 1);
      expect(cache.holds(rebuilt, demand, 1)).toBe(true);
      const [loaded] = await loadDocuments(db.manager, [demand]);
      const options = { today: '2026-11-28', limit: 10, mode: 'fast' } as const;
      const results = built.query(loaded.doc, options);
      expect(results.length).toBeGreaterThan(0);
      expect(results).toEqual(rebuilt.query(loaded.doc, options));
    } finally {
      clock.mockRestore();
    }
  });

  it('counts a closed counterpart as a change', async () => {
    const supply = await publish('supply', '聚丙烯专用料供应');
    const cache = new PostingIndexCache(db);
    await cache.current();
    const size = cache.size();
    const demand = await publish('demand', '采购聚丙烯');
    await matchNow(cache, demand, 'demand');
    await db.query(`UPDATE postings SET status = 'closed', updated_at = now() WHERE id = $1`, [supply]);
    await cache.current(true);
    expect(cache.size()).toBe(size); // one closed, one published
    expect(cache.takeRechecks()).toEqual([{ postingId: demand, version: 1 }]);
  });
});
