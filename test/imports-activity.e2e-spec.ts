import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { creditCode, Factories, type AssociationBody, type EnterpriseBody } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

type Cell = string | number | Date | null;
interface Report {
  status: string;
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string; message: string }[];
}

/**
 * The events (活动及参会企业) and intents (合作意向) imports through HTTP and the BullMQ worker on real PostgreSQL:
 * messy sheets land their good rows, every bad row is reported by row, column and reason, the same file twice
 * changes nothing, and association staff stay within their own association.
 */
describe('Excel imports of events and intents', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: { Authorization: string };
  let staffA: { Authorization: string };
  let a: AssociationBody;
  let b: AssociationBody;
  let clusterCode: string;
  let clusterCode2: string;
  let e1: EnterpriseBody;
  let e2: EnterpriseBody;
  let e3: EnterpriseBody;
  const V1 = '/api/v1';
  const unknownCode = creditCode();

  async function workbook(headers: string[], rows: Cell[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('导入');
    sheet.addRow(['2025年集群活动统计表']);
    sheet.mergeCells(1, 1, 1, headers.length);
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  const importFile = async (kind: string, file: Buffer, headers = admin): Promise<Report> => {
    const queued = await t.http().post(`${V1}/imports/${kind}`).set(headers).attach('file', file, 'x.xlsx');
    expect(queued.status).toBe(202);
    return waitFor(
      `import ${queued.body.id}`,
      async () => {
        const res = await t.http().get(`${V1}/imports/${queued.body.id}`).set(headers).expect(200);
        return ['completed', 'failed'].includes(res.body.status) ? (res.body as Report) : undefined;
      },
      30_000,
    );
  };
  const byRow = (r: Report) => new Map(r.errors.map((e) => [e.row, e]));
  const count = async (sql: string, params: unknown[] = []) =>
    ((await db.query(sql, params)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    db = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    const make = new Factories(t, await t.login());
    clusterCode = (await make.cluster()).code;
    clusterCode2 = (await make.cluster()).code;
    a = await make.association();
    b = await make.association();
    e1 = await make.memberEnterprise(a.id);
    e2 = await make.enterprise();
    e3 = await make.enterprise();
    const staff = await make.user('association_staff', { associationId: a.id });
    staffA = { Authorization: `Bearer ${await staff.login()}` };
  });
  afterAll(() => t.close());

  // headers in an unusual order, with stray spaces
  const eventHeaders = [
    '参会企业统一社会信用代码',
    ' 活动名称 ',
    '活动类型',
    '主办协会统一社会信用代码',
    '服务集群编码',
    '开始日期',
    '结束日期',
    '举办地行政区划代码',
    '场馆',
    '参观人次',
    '活动状态',
    '参会角色',
    '是否签到',
  ];
  const eventRows = (): Cell[][] => [
    // row 3: defines event 1 (a past 需求对接会, status left blank → 已举办)
    [
      e1.creditCode,
      '数控机床供需对接会',
      '需求对接会',
      a.creditCode,
      `${clusterCode}、${clusterCode2}`,
      '2025-05-10',
      '2025/5/11',
      '210102',
      '沈阳国际展览中心',
      300,
      null,
      '采购方',
      '是',
    ],
    // row 4: same event, merged cells (blank) — only the participant
    [e2.creditCode, null, null, null, null, null, null, null, null, null, null, '供应方', '否'],
    // row 5: same event repeated in full, 论坛 is not its type → conflicts with row 3
    [
      e3.creditCode,
      '数控机床供需对接会',
      '论坛',
      a.creditCode,
      null,
      new Date(Date.UTC(2025, 4, 10)),
      null,
      null,
      null,
      null,
      null,
      '观众',
      null,
    ],
    // row 6: unknown enterprise → must be registered first
    [
      unknownCode,
      '数控机床供需对接会',
      null,
      a.creditCode,
      null,
      '2025-05-10',
      null,
      null,
      null,
      null,
      null,
      '观众',
      null,
    ],
    // row 7: event 2, 培训 → forum, organised by b, closed
    [
      e1.creditCode,
      '集群政策培训',
      '培训',
      b.creditCode,
      clusterCode,
      '2025年6月1日',
      null,
      210200,
      null,
      null,
      '已结项',
      '观众',
      '是',
    ],
    // row 8: a held event in the future
    [
      null,
      '未来的展会',
      '展会',
      a.creditCode,
      clusterCode,
      '2099-01-01',
      null,
      '210102',
      null,
      null,
      '已举办',
      null,
      null,
    ],
    // row 9: bad role and bad check-in value
    [
      e3.creditCode,
      '集群政策培训',
      null,
      b.creditCode,
      null,
      '2025-06-01',
      null,
      null,
      null,
      null,
      null,
      '主持人',
      '也许',
    ],
    // row 10: duplicate participant of event 1
    [
      e2.creditCode,
      '数控机床供需对接会',
      null,
      a.creditCode,
      null,
      '2025-05-10',
      null,
      null,
      null,
      null,
      null,
      '供应方',
      null,
    ],
    // row 11: unknown cluster on a new event, no organiser
    [null, '无主办活动', '考察', null, 'NO-SUCH', '2025-03-01', null, '210102', null, null, null, null, null],
    // row 12: planned future event without participants, visits negative
    [
      null,
      '明年的展团',
      '展团',
      a.creditCode,
      clusterCode,
      '2099-03-01',
      null,
      '210102',
      null,
      -5,
      null,
      null,
      null,
    ],
  ];

  it('lands the good rows of a messy events sheet and reports every bad one', async () => {
    const done = await importFile('events', await workbook(eventHeaders, eventRows()));
    expect(done).toMatchObject({ status: 'completed', total: 10, imported: 3, updated: 0, rejected: 7 });
    const errors = byRow(done);
    expect([...errors.keys()].sort((x, y) => x - y)).toEqual([5, 6, 8, 9, 10, 11, 12]);
    expect(errors.get(5)).toMatchObject({ column: '活动类型', message: expect.stringContaining('第 3 行') });
    expect(errors.get(6)).toMatchObject({
      column: '参会企业统一社会信用代码',
      message: expect.stringContaining('先导入企业名录'),
    });
    expect(errors.get(8)).toMatchObject({ column: '活动状态', message: expect.stringContaining('尚未开始') });
    expect(
      done.errors
        .filter((e) => e.row === 9)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['参会角色', '是否签到']);
    expect(errors.get(10)).toMatchObject({
      column: '参会企业统一社会信用代码',
      message: expect.stringContaining('第 4 行'),
    });
    expect(
      done.errors
        .filter((e) => e.row === 11)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['主办协会统一社会信用代码']);
    expect(errors.get(12)?.column).toBe('参观人次');

    const events: Record<string, unknown>[] = await db.query(
      `SELECT e.title, e.type, e.status, to_char(e.end_date, 'YYYY-MM-DD') AS end_date, e.visits, e.venue,
              (SELECT count(*)::int FROM event_clusters c WHERE c.event_id = e.id) AS clusters,
              (SELECT count(*)::int FROM event_participants p WHERE p.event_id = e.id) AS participants,
              (SELECT count(*)::int FROM event_participants p WHERE p.event_id = e.id AND p.checked_in_at IS NOT NULL) AS checked_in
         FROM events e ORDER BY e.title`,
    );
    expect(events).toEqual([
      expect.objectContaining({
        title: '数控机床供需对接会',
        type: 'matchmaking',
        status: 'held',
        end_date: '2025-05-11',
        visits: 300,
        clusters: 2,
        participants: 2,
        checked_in: 1,
      }),
      expect.objectContaining({
        title: '集群政策培训',
        type: 'forum',
        status: 'closed',
        clusters: 1,
        participants: 1,
        checked_in: 1,
      }),
    ]);
  });

  it('changes nothing when the same events file is imported again', async () => {
    const before = await db.query(`SELECT id, version, updated_at FROM events ORDER BY id`);
    const again = await importFile('events', await workbook(eventHeaders, eventRows()));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, rejected: 7 });
    expect(await db.query(`SELECT id, version, updated_at FROM events ORDER BY id`)).toEqual(before);
    expect(await count(`SELECT count(*)::int AS n FROM event_participants`)).toBe(3);
  });

  it('keeps association staff to their own association’s events', async () => {
    const rows: Cell[][] = [
      [
        e2.creditCode,
        '他会的活动',
        '展会',
        b.creditCode,
        clusterCode,
        '2025-04-01',
        null,
        '210102',
        null,
        null,
        null,
        '参展商',
        null,
      ],
      [
        e2.creditCode,
        '本会的活动',
        '展会',
        a.creditCode,
        clusterCode,
        '2025-04-02',
        null,
        '210102',
        null,
        null,
        null,
        '参展商',
        null,
      ],
    ];
    const done = await importFile('events', await workbook(eventHeaders, rows), staffA);
    expect(done).toMatchObject({ status: 'completed', imported: 1, rejected: 1 });
    expect(done.errors[0]).toMatchObject({
      row: 3,
      column: '主办协会统一社会信用代码',
      message: expect.stringContaining('本协会'),
    });
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE title = '他会的活动'`)).toBe(0);
  });

  const intentHeaders = [
    '企业统一社会信用代码',
    '意向名称',
    '对方统一社会信用代码',
    '对方名称',
    '对方行政区划代码',
    '来源活动名称',
    '活动开始日期',
    '集群编码',
    '金额（万元）',
    '币种',
    '阶段',
    '达成意向日期',
    '签约日期',
    '落地日期',
    '终止日期',
  ];
  const intentRows = (): Cell[][] => [
    // row 3: signed, from event 1 where e1 took part
    [
      e1.creditCode,
      '数控系统采购',
      e2.creditCode,
      null,
      null,
      '数控机床供需对接会',
      '2025-05-10',
      clusterCode,
      '350',
      null,
      '签约',
      '2025-05-10',
      '2025-06-01',
      null,
      null,
    ],
    // row 4: landed with an outside counterpart, amount with 万元
    [
      e1.creditCode,
      '刀具供货',
      null,
      '上海示例贸易有限公司',
      '310115',
      null,
      null,
      null,
      '1,200.5万元',
      'cny',
      '落地',
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
      null,
    ],
    // row 5: plain intent
    [
      e3.creditCode,
      '联合研发',
      e1.creditCode,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '2025-07-01',
      null,
      null,
      null,
    ],
    // row 6: stage does not match the dates
    [
      e1.creditCode,
      '阶段不符',
      e3.creditCode,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '落地',
      '2025-03-01',
      '2025-04-01',
      null,
      null,
    ],
    // row 7: dates out of order
    [
      e2.creditCode,
      '日期倒置',
      e3.creditCode,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '2025-05-01',
      '2025-04-01',
      null,
      null,
    ],
    // row 8: unknown counterpart credit code
    [
      e1.creditCode,
      '未知对方',
      unknownCode,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '2025-05-01',
      null,
      null,
      null,
    ],
    // row 9: in the future
    [
      e2.creditCode,
      '未来的意向',
      null,
      '某公司',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '2099-01-01',
      null,
      null,
      null,
    ],
    // row 10: the enterprise did not take part in that event
    [
      e3.creditCode,
      '未参会',
      e1.creditCode,
      null,
      null,
      '数控机床供需对接会',
      '2025-05-10',
      null,
      null,
      null,
      null,
      '2025-05-10',
      null,
      null,
      null,
    ],
    // row 11: both counterpart forms, and a bad currency
    [
      e2.creditCode,
      '双重对方',
      e1.creditCode,
      '某公司',
      null,
      null,
      null,
      null,
      null,
      'RMB元',
      null,
      '2025-05-01',
      null,
      null,
      null,
    ],
    // row 12: duplicate of row 5
    [
      e3.creditCode,
      '联合研发',
      e1.creditCode,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '意向',
      '2025-07-01',
      null,
      null,
      null,
    ],
  ];

  it('lands the good rows of a messy intents sheet with their stage history, and reports every bad one', async () => {
    const done = await importFile('intents', await workbook(intentHeaders, intentRows()));
    expect(done).toMatchObject({ status: 'completed', total: 10, imported: 3, updated: 0, rejected: 7 });
    const errors = byRow(done);
    expect([...errors.keys()].sort((x, y) => x - y)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(errors.get(6)?.column).toBe('阶段');
    expect(errors.get(7)?.column).toBe('签约日期');
    expect(errors.get(8)?.column).toBe('对方统一社会信用代码');
    expect(errors.get(9)?.column).toBe('达成意向日期');
    expect(errors.get(10)).toMatchObject({
      column: '来源活动名称',
      message: expect.stringContaining('未参加'),
    });
    expect(
      done.errors
        .filter((e) => e.row === 11)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['对方名称', '币种']);
    expect(errors.get(12)).toMatchObject({ column: '意向名称', message: expect.stringContaining('第 5 行') });

    const intents: Record<string, unknown>[] = await db.query(
      `SELECT i.title, i.stage, i.amount_wan::float8 AS amount, i.currency, i.event_id IS NOT NULL AS from_event,
              (SELECT string_agg(t.to_stage, ',' ORDER BY t.on_date) FROM intent_transitions t WHERE t.intent_id = i.id) AS moves
         FROM intents i ORDER BY i.title`,
    );
    expect(intents).toEqual([
      {
        title: '刀具供货',
        stage: 'landed',
        amount: 1200.5,
        currency: 'CNY',
        from_event: false,
        moves: 'signed,landed',
      },
      {
        title: '数控系统采购',
        stage: 'signed',
        amount: 350,
        currency: 'CNY',
        from_event: true,
        moves: 'signed',
      },
      { title: '联合研发', stage: 'intent', amount: null, currency: 'CNY', from_event: false, moves: null },
    ]);
  });

  it('changes nothing when the same intents file is imported again, and records only stages that advance', async () => {
    const again = await importFile('intents', await workbook(intentHeaders, intentRows()));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, rejected: 7 });
    expect(await count(`SELECT count(*)::int AS n FROM intent_transitions`)).toBe(3);
    const advanced = intentRows();
    advanced[0][10] = '落地';
    advanced[0][13] = '2025-08-01';
    const third = await importFile('intents', await workbook(intentHeaders, advanced));
    expect(third).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    expect(await count(`SELECT count(*)::int AS n FROM intent_transitions WHERE to_stage = 'landed'`)).toBe(
      2,
    );
    // going back is refused, with the reason
    const back = intentRows();
    const fourth = await importFile('intents', await workbook(intentHeaders, back));
    expect(byRow(fourth).get(3)).toMatchObject({
      column: '阶段',
      message: expect.stringContaining('不能改为'),
    });
  });

  it('serves events and intents templates the importer accepts', async () => {
    for (const kind of ['events', 'intents']) {
      const res = await t
        .http()
        .get(`${V1}/imports/${kind}/template.xlsx`)
        .set(staffA)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const done = await importFile(kind, res.body as Buffer, staffA);
      expect(done).toMatchObject({ status: 'completed', total: 0, rejected: 0 });
    }
  });
});
