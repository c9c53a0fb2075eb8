import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { readSheetRows, type SheetRow } from './sheet-reader';
import { cellValue, filtersLine, writeTableBuffer, writeTableStream, type TableSpec } from './table-export';
import { readZip } from './testing/zip-builder';
import { inspectXlsxUpload } from './upload-guard';

interface StatRow {
  label: string;
  eventsHeld: number;
  signedAmountWan: number | string | null;
  share: number;
  firstEvent: string | null;
  updatedAt: Date;
}

const SPEC: TableSpec<StatRow> = {
  title: '按集群统计',
  filters: [
    { label: '年份', value: 2026 },
    { label: '集群', value: '沈阳数控机床集群' },
    { label: '协会', value: null },
  ],
  columns: [
    { header: '集群', key: 'label' },
    { header: '举办活动', key: 'eventsHeld', kind: 'integer' },
    { header: '签约金额（万元）', key: 'signedAmountWan', kind: 'wan' },
    { header: '占比', key: 'share', kind: 'percent' },
    { header: '首次活动', key: 'firstEvent', kind: 'date' },
    { header: '更新时间', key: 'updatedAt', kind: 'datetime' },
    { header: '备注', value: (r) => `${r.label}（${r.eventsHeld} 场）` },
  ],
};

const ROWS: StatRow[] = [
  {
    label: '沈阳数控机床集群',
    eventsHeld: 12345,
    signedAmountWan: 98765.432,
    share: 0.25,
    firstEvent: '2026-01-05',
    updatedAt: new Date('2026-03-01T16:30:00Z'),
  },
  // pg returns numeric columns as strings; an empty amount stays an empty cell
  {
    label: '大连石化集群',
    eventsHeld: 0,
    signedAmountWan: '1500.5',
    share: 0,
    firstEvent: null,
    updatedAt: new Date('2026-03-02T01:00:00Z'),
  },
  {
    label: '鞍山钢铁集群',
    eventsHeld: 3,
    signedAmountWan: null,
    share: 1,
    firstEvent: '2026-12-31',
    updatedAt: new Date('2026-12-31T15:59:00Z'),
  },
];

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('filtersLine', () => {
  it('writes the applied filters, leaving out empty ones', () => {
    expect(filtersLine(SPEC.filters)).toBe('筛选条件：年份 2026；集群 沈阳数控机床集群');
    expect(filtersLine([])).toBe('筛选条件：全部');
    expect(filtersLine([{ label: '关键词', value: '  ' }])).toBe('筛选条件：全部');
  });
});

describe('writeTableBuffer', () => {
  let buf: Buffer;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    buf = await writeTableBuffer(SPEC, ROWS);
    ws = await load(buf);
  });

  it('writes title, filters and a frozen, filterable header row', () => {
    expect(ws.name).toBe('按集群统计');
    expect(ws.getCell('A1').value).toBe('按集群统计');
    expect(ws.getCell('A2').value).toBe('筛选条件：年份 2026；集群 沈阳数控机床集群');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2']));
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '集群',
      '举办活动',
      '签约金额（万元）',
      '占比',
      '首次活动',
      '更新时间',
      '备注',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe('A3:G6');
  });

  it('writes numbers as numbers and dates as dates, with formats', () => {
    const row4 = ws.getRow(4);
    expect(row4.getCell(2).value).toBe(12345);
    expect(row4.getCell(2).numFmt).toBe('#,##0');
    expect(row4.getCell(3).value).toBe(98765.432);
    expect(row4.getCell(3).numFmt).toBe('#,##0.00');
    expect(row4.getCell(4).value).toBe(0.25);
    expect(row4.getCell(4).numFmt).toBe('0.0%');
    expect(row4.getCell(5).value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(row4.getCell(5).numFmt).toBe('yyyy-mm-dd');
    // 16:30 UTC is 00:30 the next day in China
    expect(row4.getCell(6).value).toEqual(new Date(Date.UTC(2026, 2, 2, 0, 30)));
    expect(row4.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row4.getCell(7).value).toBe('沈阳数控机床集群（12345 场）');
    expect(ws.getCell('C5').value).toBe(1500.5);
    expect(ws.getCell('B5').value).toBe(0);
    expect(ws.getCell('C6').value).toBeNull();
    expect(ws.getCell('E5').value).toBeNull();
  });

  it('sizes columns from header and values, CJK counting double', () => {
    // '沈阳数控机床集群（12345 场）' is 11 wide characters + 6 narrow = 28, plus padding
    expect(ws.getColumn(7).width).toBe(30);
    expect(ws.getColumn(1).width).toBe(18);
    expect(ws.getColumn(5).width).toBe(12);
  });

  it('round-trips through the upload guard and the sheet reader', async () => {
    await expect(inspectXlsxUpload(buf)).resolves.toBeDefined();
    const rows: SheetRow[] = [];
    // reopenable, as imports give it: openSheet retries exceljs's rare misread of a valid file only then
    for await (const r of readSheetRows(() => Readable_from(buf), {
      required: ['集群', '签约金额（万元）', '首次活动'],
    }))
      rows.push(r);
    expect(rows).toEqual([
      {
        rowNumber: 4,
        values: {
          集群: '沈阳数控机床集群',
          '签约金额（万元）': 98765.432,
          首次活动: new Date(Date.UTC(2026, 0, 5)),
        },
      },
      { rowNumber: 5, values: { 集群: '大连石化集群', '签约金额（万元）': 1500.5, 首次活动: null } },
      {
        rowNumber: 6,
        values: {
          集群: '鞍山钢铁集群',
          '签约金额（万元）': null,
          首次活动: new Date(Date.UTC(2026, 11, 31)),
        },
      },
    ]);
  });

  it('writes the export time in China time when asked', async () => {
    const sheet = await load(
      await writeTableBuffer({ ...SPEC, generatedAt: new Date('2026-05-01T17:05:00Z') }, []),
    );
    expect(sheet.getCell('A3').value).toBe('导出时间：2026-05-02 01:05');
    expect(sheet.getCell('A4').value).toBe('集群');
    expect(sheet.views[0]).toMatchObject({ ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:G4');
  });
});

function Readable_from(buf: Buffer): NodeJS.ReadableStream & import('node:stream').Readable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PassThrough } = require('node:stream') as typeof import('node:stream');
  const s = new PassThrough();
  s.end(buf);
  return s;
}

describe('cellValue', () => {
  it('keeps unparseable numbers and dates visible as text rather than dropping them', () => {
    expect(cellValue({ header: 'n', key: 'v', kind: 'number' }, { v: 'n/a' })).toBe('n/a');
    expect(cellValue({ header: 'd', key: 'v', kind: 'date' }, { v: 'someday' })).toBe('someday');
    expect(
      cellValue({ header: 'd', key: 'v', kind: 'date' }, { v: new Date('2026-06-30T16:00:00Z') }),
    ).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(cellValue({ header: 't', key: 'v' }, { v: 91210100 })).toBe('91210100');
  });
});

describe('writeTableStream', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'table-export-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function* many(n: number): AsyncGenerator<StatRow> {
    for (let i = 0; i < n; i++) {
      yield {
        label: `集群${i}`,
        eventsHeld: i,
        signedAmountWan: i / 4,
        share: 0,
        firstEvent: '2026-01-01',
        updatedAt: new Date(0),
      };
    }
  }

  it('streams rows from an async iterable to a file', async () => {
    const path = join(dir, 'big.xlsx');
    await expect(writeTableStream(SPEC, many(5000), path)).resolves.toEqual({ rows: 5000 });
    let count = 0;
    let last: SheetRow | undefined;
    for await (const r of readSheetRows(path, { required: ['集群', '举办活动', '签约金额（万元）'] })) {
      count++;
      last = r;
    }
    expect(count).toBe(5000);
    expect(last).toEqual({
      rowNumber: 5003,
      values: { 集群: '集群4999', 举办活动: 4999, '签约金额（万元）': 1249.75 },
    });
    const sheetXml = readZip(readFileSync(path))
      .find((e) => e.name === 'xl/worksheets/sheet1.xml')!
      .data.toString();
    expect(sheetXml).toContain('<autoFilter ref="A3:G5003"/>');
  });

  it('stops pulling rows while the target accepts no data', async () => {
    const total = 10_000;
    let produced = 0;
    async function* counted(): AsyncGenerator<StatRow> {
      for await (const r of many(total)) {
        produced++;
        yield r;
      }
    }
    const chunks: Buffer[] = [];
    const held: (() => void)[] = [];
    let paused = true;
    const target = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        if (paused) held.push(cb);
        else cb();
      },
    });
    const finished = new Promise((resolve) => target.on('finish', resolve));
    const done = writeTableStream(SPEC, counted(), target);
    // wait until production stops moving; without backpressure it would run through all rows
    for (let last = -1; produced !== last;) {
      last = produced;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(produced).toBeLessThan(total);
    paused = false;
    held.splice(0).forEach((cb) => cb());
    await expect(done).resolves.toEqual({ rows: total });
    await finished;
    const sheet = readZip(Buffer.concat(chunks)).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet?.data.toString('utf8')).toContain(`集群${total - 1}`);
  });
});
