import type { MatchRunExecutor, PostingMatchBatcher } from '@app/core';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { StatsQueueDrainer } from './stats-queue.drainer';

/** The statistics queue's drainer on a real database: it gives way to matching, but not for ever. */
describe('StatsQueueDrainer', () => {
  let tdb: TestDatabase;
  let db: DataSource;
  let busy = false;
  let running = false;
  const matching = { busy: () => busy } as unknown as PostingMatchBatcher;
  const runs = { busy: () => running } as unknown as MatchRunExecutor;
  const pending = async () =>
    ((await db.query(`SELECT count(*)::int AS n FROM stats_pending_recommendations`)) as { n: number }[])[0]
      .n;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url });
    await db.initialize();
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  afterEach(() => jest.restoreAllMocks());

  it('refreshes nothing while matching runs, then everything once it is idle', async () => {
    await db.query(
      `INSERT INTO stats_pending_recommendations (id) SELECT gen_random_uuid() FROM generate_series(1, 2500)`,
    );
    const drainer = new StatsQueueDrainer(db, matching, runs);
    busy = true;
    expect(await drainer.drain()).toBe(0);
    expect(await pending()).toBe(2500);
    busy = false;
    expect(await drainer.drain()).toBe(2500);
    expect(await pending()).toBe(0);
  });

  it('gives way to a match run too', async () => {
    await db.query(
      `INSERT INTO stats_pending_recommendations (id) SELECT gen_random_uuid() FROM generate_series(1, 10)`,
    );
    const drainer = new StatsQueueDrainer(db, matching, runs);
    running = true;
    expect(await drainer.drain()).toBe(0);
    running = false;
    expect(await drainer.drain()).toBe(10);
  });

  it('refreshes one batch after ten seconds of giving way, then gives way again', async () => {
    await db.query(
      `INSERT INTO stats_pending_recommendations (id) SELECT gen_random_uuid() FROM generate_series(1, 2500)`,
    );
    const start = Date.now();
    const drainer = new StatsQueueDrainer(db, matching, runs);
    busy = true;
    jest.spyOn(Date, 'now').mockReturnValue(start + 9_000);
    expect(await drainer.drain()).toBe(0);
    jest.spyOn(Date, 'now').mockReturnValue(start + 10_500);
    expect(await drainer.drain()).toBe(2000);
    expect(await pending()).toBe(500);
    expect(await drainer.drain()).toBe(0);
  });
});
