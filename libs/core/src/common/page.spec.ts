import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ClusterEntity } from '../registry/cluster.entity';
import { offsetOf, pageRows, type PageQuery } from './page';

/** pageRows against getManyAndCount on a real table: the same rows in the same order, and the same total. */
describe('pageRows', () => {
  let tdb: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url, entities: [ClusterEntity] });
    await db.initialize();
    await db.query(
      `INSERT INTO clusters (code, name, tier)
       SELECT 'P' || lpad(g::text, 2, '0'), '分页集群' || g, CASE WHEN g % 3 = 0 THEN 'national' ELSE 'regional' END
         FROM generate_series(1, 25) g`,
    );
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  const builder = (tier?: string) => {
    const qb = db.getRepository(ClusterEntity).createQueryBuilder('c').where("c.code LIKE 'P%'");
    if (tier) qb.andWhere('c.tier = :tier', { tier });
    return qb.orderBy('c.name', 'DESC').addOrderBy('c.id');
  };

  it.each([
    ['first page', undefined, { page: 1, pageSize: 10 }, 10],
    ['last, partial page', undefined, { page: 3, pageSize: 10 }, 5],
    ['a page past the end', undefined, { page: 4, pageSize: 10 }, 0],
    ['a filtered page', 'national', { page: 2, pageSize: 5 }, 3],
    ['nothing found', 'provincial', { page: 1, pageSize: 10 }, 0],
  ])('%s', async (_name, tier, query: PageQuery, rows) => {
    const [items, total] = await pageRows(builder(tier), query);
    const [expected, expectedTotal] = await builder(tier)
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    expect(items).toHaveLength(rows);
    expect(items.map((c) => c.code)).toEqual(expected.map((c) => c.code));
    expect(items[0] ?? null).toEqual(expected[0] ?? null);
    expect(total).toBe(expectedTotal);
  });
});
