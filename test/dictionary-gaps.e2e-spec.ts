import ExcelJS from 'exceljs';
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
    await post(eb.id, '采购铌钽合金板材');
    // a draft is not matched, so its words are no gap yet
    await post(eb.id, '求购钒氮合金一批', { status: 'draft' });
    await post(eb.id, '再购钒氮合金一批', { status: 'draft' });
  });
  afterAll(() => t.close());

  it('lists the words cut into characters, most enterprises first, with examples and the dictionary line', async () => {
    const res = await gaps('').expect(200);
    expect(res.body).toMatchObject({ postingsInScope: 5, postingsRead: 5, page: 1, pageSize: 20 });
    const items = res.body.items as GapItem[];
    expect(items.map((i) => i.word).slice(0, 2)).toEqual(['镍钴锰', '铌钽']);
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
    expect(gap(items, '铌钽')).toMatchObject({ postings: 2, enterprises: 1 });
    expect(gap(items, '钒氮')).toBeUndefined();
  });

  it('keeps words of one posting out unless asked, and filters by cluster and by text', async () => {
    const once = await gaps('?minPostings=1&clusterId=' + cluster.id).expect(200);
    expect(once.body.postingsInScope).toBe(1);
    expect((once.body.items as GapItem[]).map((i) => i.word)).toEqual(['镍钴锰']);
    const byText = await gaps(`?q=${encodeURIComponent('钽')}`).expect(200);
    expect((byText.body.items as GapItem[]).map((i) => i.word)).toEqual(['铌钽']);
    expect(byText.body.total).toBe(1);
  });

  it('shows association staff only their members’ postings', async () => {
    const res = await gaps('', staffA).expect(200);
    expect(res.body.postingsInScope).toBe(3);
    const words = (res.body.items as GapItem[]).map((i) => i.word);
    expect(words).toContain('镍钴锰');
    expect(words).not.toContain('铌钽');
  });

  it('refuses bad filters with the field and the reason', async () => {
    const low = await gaps('?minPostings=0').expect(400);
    expect(low.body.details[0].field).toBe('minPostings');
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
      ['铌钽', '2', '1', '铌钽 30000 n'],
    ]);
  });
});
