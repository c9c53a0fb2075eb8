/**
 * Writes a list or a statistic as .xlsx: title, the applied filters, a frozen header row with an autofilter,
 * then typed cells (numbers stay numbers with a number format, dates are date cells). One code path, exceljs's
 * streaming WorkbookWriter with inline strings, so a 200k-row list costs the same memory as a 20-row one.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import * as ExcelJS from 'exceljs';

/**
 * text: as is; integer / number: '#,##0' / '#,##0.00'; wan: amounts in 万元, '#,##0.00'; percent: a fraction
 * shown as '0.0%'; date: a China date ('YYYY-MM-DD' or an instant); datetime: an instant shown in China time.
 */
export type ExportColumnKind = 'text' | 'integer' | 'number' | 'wan' | 'percent' | 'date' | 'datetime';

export interface ExportColumn<R> {
  header: string;
  /** Property of the row to show, unless `value` is given. */
  key?: string;
  value?: (row: R) => unknown;
  kind?: ExportColumnKind;
  /** Width in characters; estimated from the header and the first rows when absent. */
  width?: number;
  /** Overrides the kind's number format. */
  numFmt?: string;
}

export interface ExportFilter {
  label: string;
  value: string | number | null | undefined;
}

export interface TableSpec<R> {
  title: string;
  sheetName?: string;
  /** Written on top as '筛选条件：年份 2026；集群 …'; empty values are left out. */
  filters?: readonly ExportFilter[];
  /** Written as '导出时间：…' (China time) when given; left out by default so output is reproducible. */
  generatedAt?: Date;
  columns: readonly ExportColumn<R>[];
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUM_FMT: Record<ExportColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  number: '#,##0.00',
  wan: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const CHINA_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai has had no DST since 1991
const WIDTH_SAMPLE_ROWS = 200;
const YIELD_EVERY_ROWS = 500;

/** '筛选条件：年份 2026；集群 沈阳机床' or '筛选条件：全部'. */
export function filtersLine(filters: readonly ExportFilter[] = []): string {
  const parts = filters
    .filter((f) => f.value !== null && f.value !== undefined && String(f.value).trim() !== '')
    .map((f) => `${f.label} ${String(f.value).trim()}`);
  return `筛选条件：${parts.length ? parts.join('；') : '全部'}`;
}

/** For small lists: the whole workbook in memory. */
export async function writeTableBuffer<R>(
  spec: TableSpec<R>,
  rows: Iterable<R> | AsyncIterable<R>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await writeTableStream(spec, rows, sink);
  return Buffer.concat(chunks);
}

/**
 * For big lists: rows are committed one by one to `target` (a file path or a writable such as an HTTP
 * response), waiting on the target's backpressure. Resolves with the number of data rows once finished.
 */
export async function writeTableStream<R>(
  spec: TableSpec<R>,
  rows: Iterable<R> | AsyncIterable<R>,
  target: string | Writable,
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? createWriteStream(target) : target;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const columns = spec.columns;
  const n = Math.max(1, columns.length);
  const titleRows = spec.generatedAt ? 3 : 2;
  const headerRow = titleRows + 1;
  const ws = wb.addWorksheet(sheetName(spec.sheetName ?? spec.title), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });

  // widths must be known before the first row is written, so look at the first rows first
  const iterator = toAsyncIterator(rows);
  const sample: R[] = [];
  let done = false;
  while (sample.length < WIDTH_SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  ws.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width ?? estimateWidth(c, sample),
    style: numFmtOf(c) ? { numFmt: numFmtOf(c) } : {},
  }));

  const title = ws.getRow(1);
  title.getCell(1).value = spec.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 24;
  // a one-cell merge makes Excel report the file as damaged
  const merge = (r: number): void => {
    if (n > 1) ws.mergeCells(r, 1, r, n);
  };
  merge(1);
  title.commit();
  const filterRow = ws.getRow(2);
  filterRow.getCell(1).value = filtersLine(spec.filters);
  merge(2);
  filterRow.commit();
  if (spec.generatedAt) {
    const g = ws.getRow(3);
    g.getCell(1).value = `导出时间：${chinaDateTime(spec.generatedAt)}`;
    merge(3);
    g.commit();
  }
  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C8' } } };
  });
  header.commit();

  let count = 0;
  const writeRow = async (r: R): Promise<void> => {
    const row = ws.getRow(headerRow + 1 + count);
    columns.forEach((c, i) => {
      const v = cellValue(c, r);
      if (v !== null) row.getCell(i + 1).value = v;
    });
    row.commit();
    count++;
    if (count % YIELD_EVERY_ROWS === 0) {
      // let the zip stream drain into the target, and respect the target's backpressure
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stream.writableNeedDrain) await once(stream, 'drain');
    }
  };
  for (const r of sample) await writeRow(r);
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    await writeRow(next.value);
  }

  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + count, column: n } };
  ws.commit();
  await wb.commit();
  if (typeof target === 'string' && !stream.closed) await once(stream, 'close');
  return { rows: count };
}

function toAsyncIterator<R>(rows: Iterable<R> | AsyncIterable<R>): AsyncIterator<R> | Iterator<R> {
  return Symbol.asyncIterator in rows
    ? (rows as AsyncIterable<R>)[Symbol.asyncIterator]()
    : (rows as Iterable<R>)[Symbol.iterator]();
}

// Excel refuses sheet names over 31 characters or with []:*?/\ in them.
function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean || 'Sheet1').slice(0, 31);
}

function numFmtOf<R>(c: ExportColumn<R>): string | undefined {
  return c.numFmt ?? NUM_FMT[c.kind ?? 'text'];
}

function rawValue<R>(c: ExportColumn<R>, row: R): unknown {
  if (c.value) return c.value(row);
  if (c.key === undefined) return null;
  return (row as Record<string, unknown>)[c.key];
}

/** The typed cell value of a column for a row: numbers, Dates or strings, null for nothing. */
export function cellValue<R>(c: ExportColumn<R>, row: R): string | number | Date | null {
  const v = rawValue(c, row);
  if (v === null || v === undefined || v === '') return null;
  const kind = c.kind ?? 'text';
  switch (kind) {
    case 'text':
      return v instanceof Date ? chinaDateTime(v) : String(v);
    case 'integer':
    case 'number':
    case 'wan':
    case 'percent': {
      // pg hands numeric and bigint columns over as strings
      const num = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(num) ? num : String(v);
    }
    case 'date':
      return asChinaDate(v);
    case 'datetime':
      return asChinaDateTime(v);
  }
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

// exceljs turns a Date into a serial from its UTC parts, so a date cell is UTC midnight of the China date.
function asChinaDate(v: unknown): Date | string {
  if (typeof v === 'string') {
    const m = YMD.exec(v);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  const d = v instanceof Date ? v : new Date(String(v));
  if (isNaN(d.getTime())) return String(v);
  const china = new Date(d.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()));
}

function asChinaDateTime(v: unknown): Date | string {
  const d = v instanceof Date ? v : new Date(String(v));
  if (isNaN(d.getTime())) return String(v);
  return new Date(d.getTime() + CHINA_OFFSET_MS);
}

function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

function estimateWidth<R>(c: ExportColumn<R>, sample: readonly R[]): number {
  const kind = c.kind ?? 'text';
  let w = displayWidth(c.header);
  if (kind === 'date') w = Math.max(w, 10);
  if (kind === 'datetime') w = Math.max(w, 16);
  for (const r of sample) {
    const v = cellValue(c, r);
    if (typeof v === 'string') w = Math.max(w, displayWidth(v));
    else if (typeof v === 'number')
      w = Math.max(w, Math.ceil(Math.abs(v)).toLocaleString('en-US').length + 4);
  }
  return Math.min(60, Math.max(8, w + 2));
}
