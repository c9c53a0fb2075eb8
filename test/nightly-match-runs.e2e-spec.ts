import { NightlyMatchRuns, NIGHTLY_MATCH_SCHEDULER } from '@app/core';
import { JobName, JobProducer, QueueName } from '@app/platform';
import { DataSource } from 'typeorm';
import { UnfinishedJobsRecovery } from '../apps/worker/src/common/unfinished-jobs.recovery';
import { Factories } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface RunRow {
  id: string;
  status: string;
  scheduled_for: Date | null;
  queries: number | null;
}

/**
 * The nightly full re-match on real BullMQ and PostgreSQL: the worker sets the schedule from its configuration,
 * each moment it fires for makes one run however often its job comes, a run whose job was lost is run at the next
 * start, and the runs are listed by who may see them.
 */
describe('nightly match runs (BullMQ job scheduler → worker → PostgreSQL → HTTP)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let sql: DataSource;
  let make: Factories;
  const runs = (): Promise<RunRow[]> =>
    sql.query(
      `SELECT id, status, scheduled_for, (counts->>'queries')::int AS queries FROM match_runs ORDER BY created_at`,
    );

  beforeAll(async () => {
    t = await createTestApp({ worker: true, config: { nightlyMatchCron: '30 1 * * *' } });
    const token = await t.login();
    auth = { Authorization: `Bearer ${token}` };
    sql = t.app.get(DataSource);
    make = new Factories(t, token);
    const [buyer, maker] = [await make.enterprise(), await make.enterprise()];
    const posting = (enterpriseId: string, kind: string, title: string) =>
      t
        .http()
        .post('/api/v1/postings')
        .set(auth)
        .send({
          enterpriseId,
          kind,
          category: 'equipment',
          title,
          keywords: ['数控机床'],
          status: 'published',
        })
        .expect(201);
    await posting(buyer.id, 'demand', '采购五轴联动数控机床');
    await posting(maker.id, 'supply', '供应五轴联动数控机床');
  });
  afterAll(async () => {
    await t.app.get(NightlyMatchRuns).keepSchedule(null);
    await t.close();
  });

  it('is set by the worker from NIGHTLY_MATCH_CRON, in China time, and shown to the department', async () => {
    const res = await t.http().get('/api/v1/match-runs/schedule').set(auth).expect(200);
    expect(res.body.schedule).toMatchObject({ cron: '30 1 * * *', timeZone: 'Asia/Shanghai' });
    const next = new Date(res.body.schedule.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    // 01:30 in Shanghai (UTC+8, no daylight saving) is 17:30 UTC
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([17, 30]);
    await t.app.get(NightlyMatchRuns).keepSchedule(null);
    expect(
      (await t.http().get('/api/v1/match-runs/schedule').set(auth).expect(200)).body.schedule,
    ).toBeNull();
  });

  it('makes one complete full run for each moment the schedule fires for', async () => {
    // the real scheduler, firing every 1.5 s instead of nightly
    const queue = t.app.get(JobProducer).queue(QueueName.MatchRuns);
    await queue.upsertJobScheduler(
      NIGHTLY_MATCH_SCHEDULER,
      { every: 1500 },
      { name: JobName.ScheduledMatchRun, data: {} },
    );
    await waitFor(
      'two scheduled runs',
      async () => (await runs()).filter((r) => r.scheduled_for).length >= 2,
    );
    await t.app.get(NightlyMatchRuns).keepSchedule(null);
    const scheduled = await waitFor('the scheduled runs to finish', async () => {
      const rows = (await runs()).filter((r) => r.scheduled_for);
      return rows.every((r) => r.status === 'completed') && rows;
    });
    const moments = scheduled.map((r) => r.scheduled_for!.getTime());
    expect(new Set(moments).size).toBe(moments.length);
    for (const r of scheduled) expect(r.queries).toBe(2);
    const [{ n }]: { n: number }[] = await sql.query(`SELECT count(*)::int AS n FROM recommendations`);
    expect(n).toBe(1);
  });

  it('makes and runs one run for a moment however often its job comes', async () => {
    const nightly = t.app.get(NightlyMatchRuns);
    const moment = new Date('2026-11-29T17:30:00Z');
    const first = await nightly.queueRunFor(moment);
    const again = await nightly.queueRunFor(moment);
    expect(again).toBe(first);
    await waitFor(
      'the run to finish',
      async () => (await runs()).find((r) => r.id === first)?.status === 'completed',
    );
    expect((await runs()).filter((r) => r.scheduled_for?.getTime() === moment.getTime())).toHaveLength(1);
  });

  it('runs at the next start a run whose job was lost', async () => {
    const [{ id }]: { id: string }[] = await sql.query(
      `INSERT INTO match_runs (scope, requested_by) SELECT 'all', id FROM users WHERE username = 'admin' RETURNING id`,
    );
    await t.app.get(UnfinishedJobsRecovery).onApplicationBootstrap();
    const run = await waitFor('the lost run to finish', async () => {
      const row = (await runs()).find((r) => r.id === id);
      return row?.status === 'completed' && row;
    });
    expect(run.queries).toBe(2);
  });

  it('lists runs newest first: nightly ones for the department, their own for association staff', async () => {
    const cluster = await make.cluster();
    const association = await make.association({ leadClusterIds: [cluster.id] });
    const staff = await make.user('association_staff', { associationId: association.id });
    const staffAuth = { Authorization: `Bearer ${await staff.login()}` };
    const own = await t
      .http()
      .post('/api/v1/match-runs')
      .set(staffAuth)
      .send({ scope: 'cluster', clusterId: cluster.id })
      .expect(202);

    const all = await t.http().get('/api/v1/match-runs?pageSize=100').set(auth).expect(200);
    expect(all.body.total).toBe((await runs()).length);
    expect(all.body.items[0].id).toBe(own.body.id);
    const created = all.body.items.map((r: { createdAt: string }) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const nightly = all.body.items.filter((r: { scheduledFor: string | null }) => r.scheduledFor);
    expect(nightly.length).toBeGreaterThanOrEqual(3);
    for (const r of nightly) expect(r).toMatchObject({ scope: 'all', requestedBy: null, target: null });
    expect(all.body.items[0]).toMatchObject({
      scope: 'cluster',
      requestedBy: staff.username,
      target: cluster.name,
      scheduledFor: null,
    });

    const mine = await t.http().get('/api/v1/match-runs').set(staffAuth).expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([own.body.id]);
    expect(mine.body.total).toBe(1);

    const completedAll = await t
      .http()
      .get('/api/v1/match-runs?scope=all&status=completed')
      .set(auth)
      .expect(200);
    expect(completedAll.body.total).toBe(nightly.length + 1);
    const byName = await t
      .http()
      .get(`/api/v1/match-runs?q=${encodeURIComponent(cluster.name.slice(2))}`)
      .set(auth)
      .expect(200);
    expect(byName.body.items.map((r: { id: string }) => r.id)).toEqual([own.body.id]);
    const byStarter = await t.http().get(`/api/v1/match-runs?q=${staff.username}`).set(auth).expect(200);
    expect(byStarter.body.total).toBe(1);
    const bad = await t.http().get('/api/v1/match-runs?status=done').set(auth).expect(400);
    expect(bad.body.details[0].field).toBe('status');
  });
});
