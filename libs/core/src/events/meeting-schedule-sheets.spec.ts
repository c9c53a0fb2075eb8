import fc from 'fast-check';
import * as ExcelJS from 'exceljs';
import {
  ENTERPRISE_HEADERS,
  SheetEnterprise,
  SheetMeeting,
  TABLE_HEADERS,
  buildEnterpriseScheduleWorkbook,
  buildTableScheduleWorkbook,
  formatSlot,
  slotsSpanDays,
  toSheetMeetings,
  uniqueSheetName,
  workbookToBuffer,
} from './meeting-schedule-sheets';

const ent = (id: string, name: string, creditCode: string): SheetEnterprise => ({ id, name, creditCode });
const A = ent('a', '沈阳机床配件有限公司', '91210100MA0000001A');
const B = ent('b', '大连精密轴承股份有限公司', '91210200MA0000002B');
const C = ent('c', '鞍山特钢[集团]:*?/\\有限公司与一个非常非常长的名字的分公司', '91210300MA0000003C');
const C2 = ent('c2', '鞍山特钢[集团]:*?/\\有限公司与一个非常非常长的名字的分公司', '91210300MA0000004D');

// Slots in UTC; 01:00Z = 09:00 Shanghai.
const m = (
  start: string,
  end: string,
  table: number,
  demand: SheetEnterprise,
  supply: SheetEnterprise,
): SheetMeeting => ({
  slot: { start, end },
  table,
  demand,
  supply,
});
const day1 = [
  m('2025-05-20T01:30:00Z', '2025-05-20T02:00:00Z', 2, C, A),
  m('2025-05-20T01:00:00Z', '2025-05-20T01:30:00Z', 1, A, B),
  m('2025-05-20T01:00:00Z', '2025-05-20T01:30:00Z', 2, C2, C),
  m('2025-05-20T10:00:00+08:00', '2025-05-20T10:30:00+08:00', 3, B, C),
];

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await workbookToBuffer(wb);
  expect(buf.subarray(0, 2).toString()).toBe('PK'); // a real zip/xlsx
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return back;
}
const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] =>
  (ws.getRow(r).values as unknown[]).slice(1);

describe('formatSlot / slotsSpanDays', () => {
  it('shows Shanghai time, with the date only when asked', () => {
    const s = { start: '2025-05-20T01:00:00Z', end: '2025-05-20T01:30:00Z' };
    expect(formatSlot(s, false)).toBe('09:00–09:30');
    expect(formatSlot(s, true)).toBe('2025-05-20 09:00–09:30');
    expect(formatSlot({ start: '2025-05-20T15:30:00Z', end: '2025-05-20T16:30:00Z' }, true)).toBe(
      '2025-05-20 23:30–2025-05-21 00:30',
    );
    expect(formatSlot({ start: 'bad', end: 'worse' }, false)).toBe('bad–worse');
  });

  it('detects multi-day schedules by China date, not UTC date', () => {
    // 15:00Z and 17:00Z are the same UTC day but 23:00 and 01:00 next day in Shanghai.
    expect(slotsSpanDays([{ start: '2025-05-20T14:00:00Z', end: '2025-05-20T15:00:00Z' }])).toBe(false);
    expect(
      slotsSpanDays([
        { start: '2025-05-20T14:00:00Z', end: '2025-05-20T15:00:00Z' },
        { start: '2025-05-20T17:00:00Z', end: '2025-05-20T18:00:00Z' },
      ]),
    ).toBe(true);
  });
});

describe('toSheetMeetings', () => {
  it('joins enterprise names and keeps meetings whose enterprise is unknown', () => {
    const slot = { start: '2025-05-20T01:00:00Z', end: '2025-05-20T01:30:00Z' };
    const rows = toSheetMeetings(
      [{ slot, table: 4, demandEnterpriseId: 'a', supplyEnterpriseId: 'zz' }],
      new Map([['a', { name: A.name, creditCode: A.creditCode }]]),
    );
    expect(rows).toEqual([{ slot, table: 4, demand: A, supply: { id: 'zz', name: 'zz', creditCode: '' } }]);
  });
});

describe('uniqueSheetName', () => {
  it('always yields names Excel accepts, unique case-insensitively', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 50 }), { maxLength: 20 }), (names) => {
        const taken = new Set<string>();
        const wb = new ExcelJS.Workbook();
        const out = names.map((n) => uniqueSheetName(n, taken));
        for (const name of out) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
          expect(() => wb.addWorksheet(name)).not.toThrow(); // exceljs rejects duplicates and bad chars
        }
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
      }),
    );
  });

  it('numbers duplicates and avoids reserved names', () => {
    const taken = new Set(['目录']);
    expect(uniqueSheetName('目录', taken)).toBe('目录(2)');
    expect(uniqueSheetName('History', taken)).toBe('History_');
    expect(uniqueSheetName("'a/b'", taken)).toBe('a_b');
    expect(uniqueSheetName('A_B', taken)).toBe('A_B(2)');
  });
});

describe('buildEnterpriseScheduleWorkbook', () => {
  it('writes an index and one printable sheet per enterprise with the other side and our role', async () => {
    const wb = await roundTrip(buildEnterpriseScheduleWorkbook('2025 辽宁装备制造对接会', day1));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('目录');
    expect(names).toHaveLength(5);
    const cNames = names.filter((n) => n.startsWith('鞍山特钢'));
    expect(cNames).toHaveLength(2);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }

    const index = wb.getWorksheet('目录')!;
    expect(index.getCell('A1').value).toBe('2025 辽宁装备制造对接会 · 企业洽谈日程');
    expect(rowValues(index, 2)).toEqual(['企业', '统一社会信用代码', '洽谈场次', '工作表']);
    const indexRows = [3, 4, 5, 6].map((r) => rowValues(index, r));
    const aRow = indexRows.find((r) => r[0] === A.name)!;
    expect(aRow.slice(1, 3)).toEqual([A.creditCode, 2]);
    const link = aRow[3] as ExcelJS.CellHyperlinkValue;
    expect(link.text).toBe('沈阳机床配件有限公司');
    expect(link.hyperlink).toBe("#'沈阳机床配件有限公司'!A1");

    const a = wb.getWorksheet('沈阳机床配件有限公司')!;
    expect(a.getCell('A1').value).toBe('2025 辽宁装备制造对接会 · 洽谈日程');
    expect(a.getCell('A2').value).toContain(A.creditCode);
    expect(rowValues(a, 3)).toEqual([...ENTERPRISE_HEADERS]);
    expect(rowValues(a, 4)).toEqual(['09:00–09:30', 1, B.name, B.creditCode, '需求方']);
    expect(rowValues(a, 5)).toEqual(['09:30–10:00', 2, C.name, C.creditCode, '供给方']);
    expect(a.getRow(6).values).toEqual([]);
    expect(a.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(a.getColumn(3).width).toBe(40);

    // An enterprise on both sides of different meetings gets both, in time order.
    const c = wb.getWorksheet(cNames.find((n) => !n.endsWith('(2)'))!)!;
    const c2 = wb.getWorksheet(cNames.find((n) => n.endsWith('(2)'))!)!;
    const cRows = [c, c2].find((w) => String(w.getCell('A2').value).includes(C.creditCode))!;
    expect([4, 5, 6].map((r) => rowValues(cRows, r))).toEqual([
      ['09:00–09:30', 2, C2.name, C2.creditCode, '供给方'],
      ['09:30–10:00', 2, A.name, A.creditCode, '需求方'],
      ['10:00–10:30', 3, B.name, B.creditCode, '供给方'],
    ]);
  });

  it('adds the date when meetings span days', async () => {
    const wb = await roundTrip(
      buildEnterpriseScheduleWorkbook('会', [
        ...day1,
        m('2025-05-21T01:00:00Z', '2025-05-21T01:30:00Z', 1, A, C),
      ]),
    );
    const a = wb.getWorksheet('沈阳机床配件有限公司')!;
    expect(a.getCell('A4').value).toBe('2025-05-20 09:00–09:30');
    expect(a.getCell('A6').value).toBe('2025-05-21 09:00–09:30');
  });

  it('still produces a valid workbook with no meetings', async () => {
    const wb = await roundTrip(buildEnterpriseScheduleWorkbook('空', []));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录']);
  });
});

describe('buildTableScheduleWorkbook', () => {
  it('lists meetings by table then time, one printed page per table', async () => {
    const built = buildTableScheduleWorkbook('2025 辽宁装备制造对接会', day1);
    // Page breaks after the last row of tables 1 and 2; exceljs writes but does not read them back.
    const breaks = (built.worksheets[0] as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map(
      (b) => b.id,
    );
    expect(breaks).toEqual([3, 5]);
    const wb = await roundTrip(built);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['桌位安排']);
    const ws = wb.getWorksheet('桌位安排')!;
    expect(ws.getCell('A1').value).toBe('2025 辽宁装备制造对接会 · 桌位安排');
    expect(rowValues(ws, 2)).toEqual([...TABLE_HEADERS]);
    expect([3, 4, 5, 6].map((r) => rowValues(ws, r))).toEqual([
      [1, '09:00–09:30', A.name, B.name],
      [2, '09:00–09:30', C2.name, C.name],
      [2, '09:30–10:00', C.name, A.name],
      [3, '10:00–10:30', B.name, C.name],
    ]);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: '1:2',
    });
  });
});
