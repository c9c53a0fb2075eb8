import ExcelJS from 'exceljs';
import { creditCode, Factories, type AssociationBody } from './support/factories';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBREOFFICE_FIXTURE } from './fixtures/build-libreoffice-fixture';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/**
 * Excel imports through HTTP and the BullMQ worker on real PostgreSQL: a messy spreadsheet lands its good rows
 * and explains every bad one by row, column and reason; the same file twice changes nothing the second time.
 */
describe('Excel imports end to end', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let staffA: { Authorization: string };
  let a: AssociationBody;
  let b: AssociationBody;
  let clusterCode: string;
  const V1 = '/api/v1';

  const good = { code1: creditCode('91', '210102'), code2: creditCode('91', '210203'), code3: creditCode() };

  /** Like a file from WPS or Excel: a merged title row, headers out of order with stray spaces, text numbers. */
  async function messyWorkbook(
    rows: (string | number | Date | null)[][],
    headers: string[],
  ): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('企业名单');
    sheet.addRow(['2026年辽宁省重点集群企业名单（第一批）']);
    sheet.mergeCells(1, 1, 1, headers.length);
    sheet.addRow([]);
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  const upload = (kind: string, file: Buffer, headers = admin, name = '企业名单.xlsx') =>
    t.http().post(`${V1}/imports/${kind}`).set(headers).attach('file', file, name);

  const finished = (id: string, headers = admin) =>
    waitFor(
      `import ${id}`,
      async () => {
        const res = await t.http().get(`${V1}/imports/${id}`).set(headers).expect(200);
        return ['completed', 'failed'].includes(res.body.status) ? res.body : undefined;
      },
      30_000,
    );

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = { Authorization: `Bearer ${await t.login()}` };
    const make = new Factories(t, await t.login());
    const cluster = await make.cluster();
    clusterCode = cluster.code;
    a = await make.association();
    b = await make.association();
    const staff = await make.user('association_staff', { associationId: a.id });
    staffA = { Authorization: `Bearer ${await staff.login()}` };
  });
  afterAll(() => t.close());

  const enterpriseHeaders = [
    ' 统一社会信用代码 ',
    '企业名称',
    '企业规模',
    '行政区划代码',
    '所属集群编码',
    '联系电话',
    '国民经济行业代码',
  ];
  const enterpriseRows = () => [
    [good.code1, '沈阳导入精密机械有限公司', '中型', '210102', clusterCode, '13800000001', 'C3421'],
    // full-width digits and stray spaces, region as a number cell, scale as a code
    [
      ` ${good.code2.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} `,
      ' 大连导入化工有限公司 ',
      'small',
      210203,
      null,
      null,
      null,
    ],
    ['91210100MA0000000X', '校验码错误有限公司', '小型', '210102', null, null, null],
    [creditCode(), '区划错误有限公司', '小型', '219999', null, null, null],
    [creditCode(), '规模缺失有限公司', null, '210102', null, null, null],
    [creditCode(), '集群错误有限公司', '微型', '210102', 'NO-SUCH-CLUSTER', null, null],
    [good.code1, '重复行有限公司', '小型', '210102', null, null, null],
    [good.code3, '鞍山导入钢铁有限公司', '大型', '210300', null, '0412-1234567', null],
  ];

  it('lands the good rows and reports every bad one with row number, column and reason', async () => {
    const file = await messyWorkbook(enterpriseRows(), enterpriseHeaders);
    const queued = await upload('enterprises', file).expect(202);
    expect(queued.body).toMatchObject({ status: 'queued', kind: 'enterprises' });
    const done = await finished(queued.body.id);
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      total: 8,
      imported: 3,
      updated: 0,
      rejected: 5,
    });
    expect(done.fileName).toBe('企业名单.xlsx');
    const byRow = Object.fromEntries(
      (done.errors as { row: number; column: string; message: string }[]).map((e) => [e.row, e]),
    );
    // Title on row 1, an empty row 2, headers on row 3: data starts on sheet row 4.
    expect(byRow[6].column).toBe('统一社会信用代码');
    expect(byRow[7].column).toBe('行政区划代码');
    expect(byRow[8].column).toBe('企业规模');
    expect(byRow[9]).toMatchObject({
      column: '所属集群编码',
      message: expect.stringContaining('NO-SUCH-CLUSTER'),
    });
    expect(byRow[10]).toMatchObject({
      column: '统一社会信用代码',
      message: expect.stringContaining('第 4 行'),
    });
    const second = await t.http().get(`${V1}/enterprises?q=${good.code2}`).set(admin).expect(200);
    expect(second.body.items[0]).toMatchObject({
      name: '大连导入化工有限公司',
      scale: 'small',
      regionCode: '210203',
    });
    const first = await t.http().get(`${V1}/enterprises?q=${good.code1}`).set(admin).expect(200);
    expect(first.body.items[0].name).toBe('沈阳导入精密机械有限公司');
    expect(first.body.items[0].clusterIds).toHaveLength(1);
    const rejected = await t
      .http()
      .get(`${V1}/enterprises?q=${encodeURIComponent('区划错误')}`)
      .set(admin)
      .expect(200);
    expect(rejected.body.total).toBe(0);
  });

  it('changes nothing when the same file is imported again, and updates only what changed', async () => {
    const again = await finished(
      (await upload('enterprises', await messyWorkbook(enterpriseRows(), enterpriseHeaders)).expect(202)).body
        .id,
    );
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, rejected: 5 });
    const changed = enterpriseRows();
    changed[7][1] = '鞍山导入钢铁集团有限公司';
    const third = await finished(
      (await upload('enterprises', await messyWorkbook(changed, enterpriseHeaders)).expect(202)).body.id,
    );
    expect(third).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
  });

  it('imports members with dates in the forms people type, only into the staff’s own association', async () => {
    const headers = [
      '企业名称',
      '统一社会信用代码',
      '行政区划代码',
      '企业规模',
      '协会统一社会信用代码',
      '入会日期',
    ];
    const rows = [
      ['沈阳会员一号有限公司', creditCode(), '210102', '小型', a.creditCode, '2025年7月11日'],
      ['沈阳会员二号有限公司', creditCode(), '210102', '小型', a.creditCode, '2025/7/11'],
      ['沈阳会员三号有限公司', creditCode(), '210102', '小型', a.creditCode, new Date(Date.UTC(2025, 6, 11))],
      ['他会会员有限公司', creditCode(), '210102', '小型', b.creditCode, '2025-07-11'],
      ['日期错误有限公司', creditCode(), '210102', '小型', a.creditCode, '2025-13-40'],
    ];
    const done = await finished(
      (await upload('members', await messyWorkbook(rows, headers), staffA).expect(202)).body.id,
      staffA,
    );
    expect(done).toMatchObject({ status: 'completed', imported: 3, rejected: 2 });
    expect(done.errors.map((e: { column: string }) => e.column).sort()).toEqual([
      '入会日期',
      '协会统一社会信用代码',
    ]);
    const members = await t
      .http()
      .get(`${V1}/associations/${a.id}/members?pageSize=200`)
      .set(staffA)
      .expect(200);
    const joined = members.body.items.filter((m: { joinedOn: string }) => m.joinedOn === '2025-07-11');
    expect(joined).toHaveLength(3);
  });

  it('reads a members sheet written by LibreOffice Calc, as staff fill it in', async () => {
    const f = LIBREOFFICE_FIXTURE;
    const make = new Factories(t, admin.Authorization.slice(7));
    const association = await make.association({ creditCode: f.association });
    const staff = await make.user('association_staff', { associationId: association.id });
    const headers = { Authorization: `Bearer ${await staff.login()}` };
    const file = readFileSync(join(__dirname, 'fixtures', 'members-libreoffice.xlsx'));
    const done = await finished(
      (await upload('members', file, headers, '会员名单.xlsx').expect(202)).body.id,
      headers,
    );
    expect(done).toMatchObject({ status: 'completed', total: 4, imported: 2, rejected: 2 });
    const errors = done.errors as { row: number; column: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [6, '企业规模'],
      [7, '统一社会信用代码'],
    ]);
    const members = await t
      .http()
      .get(`${V1}/associations/${association.id}/members`)
      .set(headers)
      .expect(200);
    const byCode = Object.fromEntries(
      members.body.items.map(
        (m: { creditCode: string; regionCode: string; joinedOn: string; enterpriseName: string }) => [
          m.creditCode,
          m,
        ],
      ),
    );
    expect(byCode[f.good[0]]).toMatchObject({ regionCode: '210102', joinedOn: '2025-07-11' });
    expect(byCode[f.good[1]]).toMatchObject({
      regionCode: '210203',
      joinedOn: '2025-07-11',
      enterpriseName: '大连乙化工有限公司',
    });
  });

  it('refuses files that are not spreadsheets, and imports it may not run', async () => {
    const csv = await upload(
      'enterprises',
      Buffer.from('企业名称,统一社会信用代码\n甲,123\n'),
      admin,
      'list.csv',
    ).expect(400);
    expect(csv.body.details[0]).toMatchObject({ field: 'file', message: expect.stringContaining('.xlsx') });
    const none = await t.http().post(`${V1}/imports/enterprises`).set(admin).expect(400);
    expect(none.body.details[0].field).toBe('file');
    await upload('enterprises', await messyWorkbook([], enterpriseHeaders), staffA).expect(403);
    const kind = await upload('widgets', await messyWorkbook([], enterpriseHeaders)).expect(400);
    expect(kind.body.details[0].field).toBe('kind');
  });

  it('fails a workbook without the required headers with a clear message and no retries', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['名称', '代码']);
    const queued = await upload('enterprises', Buffer.from(await book.xlsx.writeBuffer())).expect(202);
    const done = await finished(queued.body.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('统一社会信用代码');
  });

  it('serves a template whose header row the importer itself accepts', async () => {
    const res = await t
      .http()
      .get(`${V1}/imports/members/template.xlsx`)
      .set(staffA)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const headerTexts: string[] = [];
    book.worksheets[0].getRow(3).eachCell((cell) => headerTexts.push(cell.text));
    expect(headerTexts.join('|')).toContain('统一社会信用代码');
    expect(headerTexts.join('|')).toContain('入会日期');
    const done = await finished(
      (await upload('members', res.body as Buffer, staffA, '模板.xlsx').expect(202)).body.id,
      staffA,
    );
    expect(done).toMatchObject({ status: 'completed', total: 0, rejected: 0 });
  });
});
