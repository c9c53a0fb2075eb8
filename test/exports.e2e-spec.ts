import ExcelJS from 'exceljs';
import { makeCreditCode } from '@app/core';
import { DataSource } from 'typeorm';
import { Factories, type AssociationBody } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lists download as Excel with the same rows and scope as their JSON, every row rather than one page. */
describe('Excel downloads of lists', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let staff: { Authorization: string };
  let a: AssociationBody;

  const download = async (path: string, headers: { Authorization: string }) => {
    const res = await t
      .http()
      .get(`/api/v1${path}`)
      .set(headers)
      .set('Accept', XLSX)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const texts: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
      texts.push(cells);
    });
    return { sheet, texts };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.login()}` };
    const make = new Factories(t, await t.login());
    a = await make.association();
    await make.memberEnterprise(a.id, { name: '导出测试会员有限公司' });
    staff = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: a.id })).login()}`,
    };
    // More rows than one page may hold, written directly: the point is the download, not the create route.
    const codes = Array.from({ length: 230 }, (_, i) =>
      makeCreditCode(`91210102MA${String(100000 + i).padStart(7, '0')}`),
    );
    await t.app.get(DataSource).query(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       SELECT '批量导出企业' || n || '有限公司', c, '210102', 'small' FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n)`,
      [codes],
    );
  });
  afterAll(() => t.close());

  it('downloads every matching row, not one page, with Chinese headers and the filters on top', async () => {
    const json = await t.http().get('/api/v1/enterprises?q=批量导出&pageSize=5').set(admin).expect(200);
    expect(json.body.total).toBe(230);
    const { texts } = await download(`/enterprises?q=${encodeURIComponent('批量导出')}&pageSize=5`, admin);
    expect(texts[0][0]).toBe('企业名录');
    expect(texts[1][0]).toBe('筛选条件：关键词 批量导出');
    expect(texts[2].slice(0, 3)).toEqual(['企业名称', '统一社会信用代码', '行政区划代码']);
    expect(texts.length - 3).toBe(230);
  });

  it('keeps the caller’s scope: association staff download only their members', async () => {
    const { texts } = await download('/enterprises', staff);
    const names = texts.slice(3).map((r) => r[0]);
    expect(names).toEqual(['导出测试会员有限公司']);
  });

  it('writes numbers as numbers', async () => {
    const { sheet, texts } = await download('/associations', admin);
    const header = texts[2];
    const col = header.indexOf('会员数') + 1;
    const value = sheet.getRow(4).getCell(col).value;
    expect(typeof value).toBe('number');
  });

  it('does not let a JSON client ask for more than 200 rows a page', async () => {
    const res = await t.http().get('/api/v1/enterprises?export=xlsx&pageSize=1000').set(admin).expect(400);
    expect(res.body.details[0].field).toBe('pageSize');
  });
});
