import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Factories, type AssociationBody, type ClusterBody } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface GapItem {
  word: string;
  postings: number;
  enterprises: number;
  examples: { id: string; title: string }[];
  dictionaryLine: string;
}

/**
 * The dictionary-gap report: words that published postings use and the dictionary cuts into single characters
 * (镍钴锰 → 镍 / 钴 / 锰), counted by posting and enterprise, in the caller's scope.
 */
describe('GET /match-dictionary/gaps', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let staffA: { Authorization: string };
  let a: AssociationBody;
  let cluster: ClusterBody;

  const gaps = (query: string, headers = admin) =>
    t.http().get(`/api/v1/match-dictionary/gaps${query}`).set(headers);
  const gap = (items: GapItem[], word: string) => items.find((i) => i.word === word);

  beforeAll(async () => {
    t = await createTestApp();
    const token = await t.login();
    admin = { Authorization: `Bearer ${token}` };
    const make = new Factories(t, token);
    cluster = await make.cluster();
    a = await make.association();
    const b = await make.association();
    const ea = await make.memberEnterprise(a.id);
    const ea2 = await make.memberEnterprise(a.id);
    const eb = await make.memberEnterprise(b.id);
    // a former member of A: its postings are no longer A's to see
    const gone = await make.memberEnterprise(a.id);
    staffA = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: a.id })).login()}`,
    };
    const post = (enterpriseId: string, title: string, extra: object = {}) =>
      t
        .http()
        .post('/api/v1/postings')
        .set(admin)
        .send({
          enterpriseId,
          kind: 'demand',
          category: 'product',
          title,
          description: '长期采购，量大从优',
          status: 'published',
          ...extra,
        })
        .expect(201);
    await post(ea.id, '求购镍钴锰三元材料', { clusterId: cluster.id });
    // the word in the title, in a keyword only, in the description only
    await post(ea.id, '长期采购三元前驱材料', { keywords: ['镍钴锰'] });
    await post(ea2.id, '供应三元正极材料', { kind: 'supply', description: '可供镍钴锰三元正极，量大从优' });
    await post(eb.id, '求购铌钽合金靶材');
    await post(eb.id, '急购铌钽合金板材');
    // in one posting only: left out unless asked for
    await post(eb.id, '求购锗锭若干');
    // drafts and expired postings are not matched, so their words are no gap yet
    await post(eb.id, '求购钒氮合金一批', { status: 'draft' });
    await post(eb.id, '求购钒氮合金一批', { status: 'draft' });
    const expired = [
      (await post(eb.id, '求购锆铪分离料', { validUntil: '2099-12-31' })).body.id,
      (await post(eb.id, '求购锆铪分离设备', { validUntil: '2099-12-31' })).body.id,
    ];
    await t.app
      .get(DataSource)
      .query(`UPDATE postings SET valid_until = '2020-01-01' WHERE id = ANY($1::uuid[])`, [expired]);
    await post(gone.id, '求购铈镧合金', {});
    await post(gone.id, '求购铈镧合金粉', {});
    const [membership]: { id: string }[] = await t.app
      .get(DataSource)
      .query('SELECT id FROM memberships WHERE enterprise_id = $1', [gone.id]);
    await t.app
      .get(DataSource)
      .query(`UPDATE memberships SET left_on = '2026-01-01' WHERE id = $1`, [membership.id]);
  });
  afterAll(() => t.close());

  it('lists the words cut into characters, most enterprises first, with examples and the dictionary line', async () => {
    const res = await gaps('').expect(200);
    expect(res.body).toMatchObject({ postingsInScope: 8, postingsRead: 8, page: 1, pageSize: 20 });
    const items = res.body.items as GapItem[];
    // ties (铈镧 and 铌钽: two postings of one enterprise each) go by the word
    expect(items.map((i) => i.word)).toEqual(['镍钴锰', '铈镧', '铌钽']);
    expect(gap(items, '镍钴锰')).toMatchObject({
      postings: 3,
      enterprises: 2,
      dictionaryLine: '镍钴锰 30000 n',
    });
    expect(
      gap(items, '镍钴锰')!
        .examples.map((e) => e.title)
        .sort(),
    ).toEqual(['供应三元正极材料', '求购镍钴锰三元材料', '长期采购三元前驱材料'].sort());
    // 急购铌钽: the posting verb is not part of the word
    expect(gap(items, '铌钽')).toMatchObject({ postings: 2, enterprises: 1 });
    expect(gap(items, '钒氮')).toBeUndefined();
    expect(gap(items, '锆铪')).toBeUndefined();
    expect(gap(items, '锗锭')).toBeUndefined();
  });

  it('keeps words of one posting out unless asked, and filters by cluster and by text', async () => {
    const any = await gaps('?minPostings=1').expect(200);
    expect(gap(any.body.items as GapItem[], '锗锭')).toMatchObject({ postings: 1, enterprises: 1 });
    const once = await gaps('?minPostings=1&clusterId=' + cluster.id).expect(200);
    expect(once.body.postingsInScope).toBe(1);
    expect((once.body.items as GapItem[]).map((i) => i.word)).toEqual(['镍钴锰']);
    const byText = await gaps(`?q=${encodeURIComponent('钽')}`).expect(200);
    expect((byText.body.items as GapItem[]).map((i) => i.word)).toEqual(['铌钽']);
    expect(byText.body.total).toBe(1);
  });

  it('shows association staff only their current members’ postings', async () => {
    const res = await gaps('', staffA).expect(200);
    expect(res.body.postingsInScope).toBe(3);
    expect((res.body.items as GapItem[]).map((i) => i.word)).toEqual(['镍钴锰']);
  });

  it('pages the words', async () => {
    const first = await gaps('?pageSize=1').expect(200);
    const second = await gaps('?pageSize=1&page=2').expect(200);
    expect(first.body.total).toBe(3);
    expect([...first.body.items, ...second.body.items].map((i: GapItem) => i.word)).toEqual([
      '镍钴锰',
      '铈镧',
    ]);
  });

  it('refuses bad filters with the field and the reason', async () => {
    for (const bad of ['0', '101', '1.5']) {
      const res = await gaps(`?minPostings=${bad}`).expect(400);
      expect(res.body.details[0].field).toBe('minPostings');
    }
    const cluster = await gaps('?clusterId=abc').expect(400);
    expect(cluster.body.details[0].field).toBe('clusterId');
  });

  it('downloads as Excel with Chinese headers and the dictionary lines', async () => {
    const res = await gaps('')
      .set('Accept', XLSX)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
      rows.push(cells);
    });
    expect(rows[0][0]).toBe('词典待补充词语');
    const header = rows.findIndex((r) => r[0] === '词语');
    expect(rows[header]).toEqual(['词语', '供需条数', '企业数', '示例供需', '词典行（industrial-dict.txt）']);
    expect(rows.slice(header + 1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['镍钴锰', '3', '2', '镍钴锰 30000 n'],
      ['铈镧', '2', '1', '铈镧 30000 n'],
      ['铌钽', '2', '1', '铌钽 30000 n'],
    ]);
  });
});
