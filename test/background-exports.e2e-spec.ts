import ExcelJS from 'exceljs';
import { makeCreditCode } from '@app/core';
import { DataSource } from 'typeorm';
import { Factories, type AssociationBody } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Big lists exported on the queue: progress, a download list per user, the file, and the requester's scope. */
describe('background exports (HTTP → BullMQ → worker → PostgreSQL → HTTP)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let staffA: { Authorization: string };
  let a: AssociationBody;
  let b: AssociationBody;
  const V1 = '/api/v1';

  const finished = (id: string, headers: { Authorization: string }) =>
    waitFor(
      `export ${id}`,
      async () => {
        const res = await t.http().get(`${V1}/exports/${id}`).set(headers).expect(200);
        return ['completed', 'failed'].includes(res.body.status) ? res.body : undefined;
      },
      30_000,
    );

  const download = async (id: string, headers: { Authorization: string }) => {
    const res = await t
      .http()
      .get(`${V1}/exports/${id}/file.xlsx`)
      .set(headers)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const texts: string[][] = [];
    book.worksheets[0].eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
      texts.push(cells);
    });
    return texts;
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = { Authorization: `Bearer ${await t.login()}` };
    const make = new Factories(t, await t.login());
    a = await make.association();
    b = await make.association();
    await make.memberEnterprise(a.id, { name: '后台导出会员有限公司' });
    staffA = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: a.id })).login()}`,
    };
    const codes = Array.from({ length: 2500 }, (_, i) =>
      makeCreditCode(`91210102MB${String(200000 + i).padStart(7, '0')}`),
    );
    await t.app.get(DataSource).query(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       SELECT '后台导出企业' || n || '有限公司', c, '210102', 'small' FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n)`,
      [codes],
    );
  });
  afterAll(() => t.close());

  it('exports a list of several pages in the background and serves the file to its requester', async () => {
    const queued = await t
      .http()
      .post(`${V1}/exports`)
      .set(admin)
      .send({ list: 'enterprises', query: { q: '后台导出企业' } })
      .expect(202);
    expect(queued.body).toMatchObject({ status: 'queued', rows: 2500 });
    const done = await finished(queued.body.id, admin);
    expect(done).toMatchObject({ status: 'completed', progress: 100, rows: 2500, fileName: '企业名录.xlsx' });
    const texts = await download(queued.body.id, admin);
    expect(texts[1][0]).toBe('筛选条件：关键词 后台导出企业');
    expect(texts.length - 3).toBe(2500);
    const mine = await t.http().get(`${V1}/exports`).set(admin).expect(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(queued.body.id);
    // Another user neither sees nor downloads it.
    await t.http().get(`${V1}/exports/${queued.body.id}`).set(staffA).expect(404);
    await t.http().get(`${V1}/exports/${queued.body.id}/file.xlsx`).set(staffA).expect(404);
    const theirs = await t.http().get(`${V1}/exports`).set(staffA).expect(200);
    expect(theirs.body.total).toBe(0);
  });

  it('lists only what the requester may see', async () => {
    const queued = await t.http().post(`${V1}/exports`).set(staffA).send({ list: 'enterprises' }).expect(202);
    const done = await finished(queued.body.id, staffA);
    expect(done.rows).toBe(1);
    const texts = await download(queued.body.id, staffA);
    expect(texts.slice(3).map((r) => r[0])).toEqual(['后台导出会员有限公司']);
  });

  it('refuses out-of-scope parents, lists the role may not read, and bad filters, naming the field', async () => {
    await t
      .http()
      .post(`${V1}/exports`)
      .set(staffA)
      .send({ list: 'members', query: { associationId: b.id } })
      .expect(404);
    await t.http().post(`${V1}/exports`).set(staffA).send({ list: 'audit' }).expect(403);
    const bad = await t
      .http()
      .post(`${V1}/exports`)
      .set(admin)
      .send({ list: 'events', query: { year: 'soon' } })
      .expect(400);
    expect(bad.body.details[0].field).toBe('query.year');
    const unknown = await t
      .http()
      .post(`${V1}/exports`)
      .set(admin)
      .send({ list: 'events', query: { colour: 'red' } })
      .expect(400);
    expect(unknown.body.details[0].field).toBe('query.colour');
    const missing = await t.http().post(`${V1}/exports`).set(admin).send({ list: 'members' }).expect(400);
    expect(missing.body.details[0].field).toBe('query.associationId');
  });
});
