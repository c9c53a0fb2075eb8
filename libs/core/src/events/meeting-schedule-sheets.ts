/**
 * Printable Excel workbooks of an event's meeting schedule (pure: no NestJS/TypeORM).
 *
 * - Per-enterprise workbook: a 目录 (index) sheet with links, then one sheet per enterprise so
 *   "print whole workbook" gives every enterprise its own page(s) to hand out.
 * - Per-table workbook: one sheet sorted by table, with a page break after each table so each
 *   table's card prints separately, while staff can still filter one sheet.
 *
 * Times are shown in China time (Asia/Shanghai, UTC+8, no DST) as HH:mm–HH:mm, prefixed with
 * the date when the meetings span more than one day.
 */
import * as ExcelJS from 'exceljs';
import { FixedMeeting, TimeSlot, parseIsoDateTime } from './meeting-scheduler';

export interface SheetEnterprise {
  id: string;
  name: string;
  creditCode: string;
}

export interface SheetMeeting {
  slot: TimeSlot;
  table: number;
  demand: SheetEnterprise;
  supply: SheetEnterprise;
}

/**
 * Scheduler output (or stored meetings) + enterprise lookup → sheet rows. An unknown id is
 * shown as itself rather than dropping the meeting from a printed schedule.
 */
export function toSheetMeetings(
  meetings: Pick<FixedMeeting, 'slot' | 'table' | 'demandEnterpriseId' | 'supplyEnterpriseId'>[],
  enterprises: ReadonlyMap<string, { name: string; creditCode: string }>,
): SheetMeeting[] {
  const look = (id: string): SheetEnterprise => {
    const e = enterprises.get(id);
    return { id, name: e?.name ?? id, creditCode: e?.creditCode ?? '' };
  };
  return meetings.map((m) => ({
    slot: m.slot,
    table: m.table,
    demand: look(m.demandEnterpriseId),
    supply: look(m.supplyEnterpriseId),
  }));
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const INDEX_SHEET = '目录';
const A4 = 9; // ExcelJS.PaperSize.A4 is a const enum, unusable under isolated-module transpilers.

/** `YYYY-MM-DD HH:mm` in China time, or undefined for an unparseable time. */
function chinaDateTime(value: string): { date: string; time: string } | undefined {
  const ms = parseIsoDateTime(value);
  if (Number.isNaN(ms)) return undefined;
  const s = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** True when the slots do not all start and end on the same China calendar day. */
export function slotsSpanDays(slots: TimeSlot[]): boolean {
  const days = new Set<string>();
  for (const s of slots) {
    for (const v of [s.start, s.end]) {
      const d = chinaDateTime(v);
      if (d) days.add(d.date);
    }
  }
  return days.size > 1;
}

/** 'HH:mm–HH:mm', or 'YYYY-MM-DD HH:mm–HH:mm' with `withDate`; raw strings if unparseable. */
export function formatSlot(slot: TimeSlot, withDate: boolean): string {
  const a = chinaDateTime(slot.start);
  const b = chinaDateTime(slot.end);
  if (!a || !b) return `${slot.start}–${slot.end}`;
  if (!withDate) return `${a.time}–${b.time}`;
  return a.date === b.date ? `${a.date} ${a.time}–${b.time}` : `${a.date} ${a.time}–${b.date} ${b.time}`;
}

/**
 * A worksheet name Excel accepts and that is not yet in `taken` (lower-cased names, updated):
 * no []:*?/\ or control characters, no leading/trailing apostrophe, ≤ 31 UTF-16 units, not
 * "History", unique case-insensitively (duplicates get "(2)", "(3)", ...).
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  // eslint-disable-next-line no-control-regex
  let base = wanted.replace(/[[\]:*?/\\\u0000-\u001f]/g, '_').trim();
  base = base.replace(/^'+|'+$/g, '').trim() || '企业';
  if (base.toLowerCase() === 'history') base = `${base}_`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const name = truncateUtf16(base, 31 - suffix.length).replace(/'+$/, '') + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
function truncateUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const byTime = (a: SheetMeeting, b: SheetMeeting): number =>
  parseIsoDateTime(a.slot.start) - parseIsoDateTime(b.slot.start) ||
  parseIsoDateTime(a.slot.end) - parseIsoDateTime(b.slot.end) ||
  a.table - b.table;

const collator = new Intl.Collator('zh-Hans-CN');

function setupPrint(ws: ExcelJS.Worksheet, titleRows: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4 as ExcelJS.PaperSize,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    printTitlesRow: `1:${titleRows}`,
    horizontalCentered: true,
  };
  ws.views = [{ state: 'frozen', ySplit: titleRows }];
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function addTitle(ws: ExcelJS.Worksheet, row: number, text: string, cols: number, size: number): void {
  ws.mergeCells(row, 1, row, cols);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size };
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.getRow(row).height = size * 2;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = thinBorder;
  });
}

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const thinBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function styleBody(row: ExcelJS.Row): void {
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => (cell.border = thinBorder));
}

export const ENTERPRISE_HEADERS = ['时间段', '桌号', '对方企业', '对方统一社会信用代码', '我方角色'] as const;
export const TABLE_HEADERS = ['桌号', '时间段', '需求方', '供给方'] as const;

/**
 * One sheet per enterprise that has at least one meeting (rows 1–2: event title and the
 * enterprise, row 3: headers, repeated on every printed page), preceded by a 目录 sheet.
 * Enterprises are identified by `id`; sheets are ordered by name (Chinese collation).
 */
export function buildEnterpriseScheduleWorkbook(
  eventTitle: string,
  meetings: SheetMeeting[],
): ExcelJS.Workbook {
  const withDate = slotsSpanDays(meetings.map((m) => m.slot));
  const byEnterprise = new Map<string, { enterprise: SheetEnterprise; rows: SheetMeeting[] }>();
  for (const m of meetings) {
    for (const e of [m.demand, m.supply]) {
      let entry = byEnterprise.get(e.id);
      if (!entry) byEnterprise.set(e.id, (entry = { enterprise: e, rows: [] }));
      entry.rows.push(m);
    }
  }
  const entries = [...byEnterprise.values()].sort(
    (a, b) =>
      collator.compare(a.enterprise.name, b.enterprise.name) ||
      (a.enterprise.creditCode < b.enterprise.creditCode
        ? -1
        : a.enterprise.creditCode > b.enterprise.creditCode
          ? 1
          : 0) ||
      (a.enterprise.id < b.enterprise.id ? -1 : a.enterprise.id > b.enterprise.id ? 1 : 0),
  );

  const wb = new ExcelJS.Workbook();
  wb.creator = 'ClusterLink';
  const taken = new Set<string>([INDEX_SHEET.toLowerCase()]);

  const index = wb.addWorksheet(INDEX_SHEET);
  addTitle(index, 1, `${eventTitle} · 企业洽谈日程`, 4, 14);
  styleHeader(index.addRow(['企业', '统一社会信用代码', '洽谈场次', '工作表']));
  setWidths(index, [40, 24, 10, 34]);
  setupPrint(index, 2);

  for (const { enterprise, rows } of entries) {
    const name = uniqueSheetName(enterprise.name, taken);
    const indexRow = index.addRow([
      enterprise.name,
      enterprise.creditCode,
      rows.length,
      { text: name, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` },
    ]);
    styleBody(indexRow);

    const ws = wb.addWorksheet(name);
    addTitle(ws, 1, `${eventTitle} · 洽谈日程`, ENTERPRISE_HEADERS.length, 14);
    addTitle(
      ws,
      2,
      `企业：${enterprise.name}\u3000统一社会信用代码：${enterprise.creditCode}\u3000共 ${rows.length} 场`,
      ENTERPRISE_HEADERS.length,
      11,
    );
    styleHeader(ws.addRow([...ENTERPRISE_HEADERS]));
    for (const m of [...rows].sort(byTime)) {
      const weAreDemand = m.demand.id === enterprise.id;
      const other = weAreDemand ? m.supply : m.demand;
      styleBody(
        ws.addRow([
          formatSlot(m.slot, withDate),
          m.table,
          other.name,
          other.creditCode,
          weAreDemand ? '需求方' : '供给方',
        ]),
      );
    }
    setWidths(ws, [withDate ? 24 : 14, 8, 40, 24, 10]);
    ws.getColumn(2).alignment = { horizontal: 'center', vertical: 'middle' };
    setupPrint(ws, 3);
  }
  return wb;
}

/**
 * One sheet "桌位安排": row 1 title, row 2 headers (repeated when printed), then meetings by
 * table and time, with a page break after each table.
 */
export function buildTableScheduleWorkbook(eventTitle: string, meetings: SheetMeeting[]): ExcelJS.Workbook {
  const withDate = slotsSpanDays(meetings.map((m) => m.slot));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ClusterLink';
  const ws = wb.addWorksheet('桌位安排');
  addTitle(ws, 1, `${eventTitle} · 桌位安排`, TABLE_HEADERS.length, 14);
  styleHeader(ws.addRow([...TABLE_HEADERS]));
  const sorted = [...meetings].sort((a, b) => a.table - b.table || byTime(a, b));
  sorted.forEach((m, i) => {
    const row = ws.addRow([m.table, formatSlot(m.slot, withDate), m.demand.name, m.supply.name]);
    styleBody(row);
    if (i + 1 < sorted.length && sorted[i + 1].table !== m.table) row.addPageBreak();
  });
  setWidths(ws, [8, withDate ? 24 : 14, 40, 40]);
  ws.getColumn(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: TABLE_HEADERS.length } };
  setupPrint(ws, 2);
  return wb;
}

/** xlsx bytes for an HTTP response (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). */
export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
