/**
 * Streams the data rows of an .xlsx's first worksheet (in tab order): exceljs's streaming WorkbookReader
 * handles the ZIP, shared strings, styles and sheet order; the sheet's XML is scanned here row by row. The
 * header row is found by its texts within the first rows (title rows above it are skipped), columns are mapped
 * by header in any order, and each non-empty data row comes out keyed by the expected header text.
 * Run upload-guard first: this reader trusts the ZIP container to be sane.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as ExcelJS from 'exceljs';
import { cellText } from './cell-values';

export type SheetValue = string | number | Date | null;

export interface SheetSpec {
  required: readonly string[];
  optional?: readonly string[];
  /** More non-empty data rows than this is an error. Default 200,000. */
  maxRows?: number;
  /** The header must be within this many sheet rows. Default 20. */
  headerSearchRows?: number;
  /** Skip rows holding a value that starts with EXAMPLE_ROW_MARK (the template's example). Default true. */
  skipExampleRows?: boolean;
}

export interface SheetHeader {
  sheetName: string;
  /** 1-based sheet row of the header. */
  rowNumber: number;
  /** Expected header text → 1-based column number, for the headers found. */
  columns: Record<string, number>;
  missingOptional: string[];
  /** Header texts in the header row that are not expected; their columns are ignored. */
  extraHeaders: string[];
}

export interface SheetRow {
  /** 1-based sheet row, as shown in the spreadsheet program. */
  rowNumber: number;
  /** Every expected header (required and optional) → value; null when empty or the column is absent. */
  values: Record<string, SheetValue>;
}

export type SheetReadErrorCode =
  'missing-headers' | 'duplicate-headers' | 'too-many-rows' | 'no-worksheet' | 'unreadable';

export class SheetReadError extends Error {
  override readonly name = 'SheetReadError';
  constructor(
    readonly code: SheetReadErrorCode,
    message: string,
    /** For missing-headers: the required headers not found. */
    readonly missing: string[] = [],
  ) {
    super(message);
  }
}

export interface SheetCursor extends AsyncIterable<SheetRow> {
  readonly header: SheetHeader;
  /** Rows skipped as template examples so far. */
  readonly skippedExampleRows: number;
  /** Stops reading and releases the file; iteration to the end does this too. */
  close(): Promise<void>;
}

/** The template writer prefixes its example row with this; such rows are not data. */
export const EXAMPLE_ROW_MARK = '【示例】';

export const MAX_IMPORT_ROWS = 200_000;

/** Header text as compared: half-width, no whitespace, no required-marks (*) around it. */
export function normaliseHeader(text: string): string {
  return cellText(text)
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[(]必填[)]$/, '');
}

type Iter<T> = AsyncIterator<T, unknown, undefined>;

interface WorkbookInternals {
  model?: { sheets?: { rId?: string; name?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  styles?: {
    getStyleModel(id: number): { numFmt?: string } | null;
    model?: { styles?: { numFmtId?: number }[] };
  };
  properties?: { model?: { date1904?: boolean } };
}

/** Opens the sheet and reads up to the header row; throws SheetReadError when the header is not there. */
export async function openSheet(source: string | Readable, spec: SheetSpec): Promise<SheetCursor> {
  const ownStream = typeof source === 'string';
  const input = typeof source === 'string' ? createReadStream(source) : source;
  // a read error after we stopped listening must not crash the process
  input.on('error', () => undefined);
  // exceljs handles the container, shared strings, styles and sheet order; the sheet XML itself is scanned
  // below, because exceljs's per-cell Row/Cell objects cap it at about 25k rows/s
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // styles are needed to tell date cells from numbers
    styles: 'cache',
    entries: 'emit',
  });
  const internals = wb as unknown as WorkbookInternals;
  let lastSheetNo: string | undefined;
  // the reader is an EventEmitter at runtime; its typings omit that
  (wb as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string }) => {
    if (e.type === 'worksheet') lastSheetNo = e.id;
  });
  const sheets = wb[Symbol.asyncIterator]() as Iter<ExcelJS.stream.xlsx.WorksheetReader>;
  let rows: RowSource | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await rows?.close();
    // exceljs parks sheets that precede the shared strings in temp files and deletes each only when its
    // generator moves past it, so run the generator out (skipped sheets are not parsed) instead of abandoning it
    try {
      for (let next = await sheets.next(); !next.done; next = await sheets.next()) release(next.value);
    } catch {
      // the file is already failing; nothing more to clean
    }
    if (ownStream) input.destroy();
  };
  try {
    let sheet: ExcelJS.stream.xlsx.WorksheetReader | undefined;
    let sheetName = '';
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const first = worksheetsInTabOrder(internals)?.[0];
      if (first === undefined || first.no === lastSheetNo) {
        sheet = next.value;
        sheetName = first?.name ?? (sheet as unknown as { name?: string }).name ?? '';
        break;
      }
      release(next.value);
    }
    if (!sheet) throw new SheetReadError('no-worksheet', '文件中没有工作表（no worksheet found）');
    const raw = (sheet as unknown as { iterator?: AsyncIterable<Buffer | string> }).iterator;
    rows = new RowSource(
      raw && Symbol.asyncIterator in raw
        ? { chunks: raw }
        : // should exceljs's internals change, fall back to its own (slower) row objects
          { rows: sheet[Symbol.asyncIterator]() as Iter<ExcelJS.Row> },
      internals,
    );
    const header = await findHeader(rows, spec, sheetName);
    rows.onlyColumns(Object.values(header.columns));
    return new Cursor(rows, header, spec, close);
  } catch (e) {
    await close();
    throw asSheetError(e);
  }
}

// A skipped sheet parked in a temp file holds an open read stream exceljs never reads nor closes.
function release(sheet: ExcelJS.stream.xlsx.WorksheetReader): void {
  const raw = (sheet as unknown as { iterator?: { destroy?: () => void } }).iterator;
  if (typeof raw?.destroy === 'function') raw.destroy();
}

/** Convenience: opens the sheet and yields its data rows; `onHeader` sees the header before the first row. */
export async function* readSheetRows(
  source: string | Readable,
  spec: SheetSpec,
  onHeader?: (header: SheetHeader) => void,
): AsyncGenerator<SheetRow> {
  const cursor = await openSheet(source, spec);
  try {
    onHeader?.(cursor.header);
    yield* cursor;
  } finally {
    await cursor.close();
  }
}

// The first sheet in tab order is the one a person looks at; the ZIP may list sheet files in any order.
// Resolved here rather than by exceljs, which misses absolute relationship targets (/xl/worksheets/…).
function worksheetsInTabOrder(wb: WorkbookInternals): { no: string; name: string }[] | undefined {
  const sheets = wb.model?.sheets;
  const rels = wb.workbookRels;
  if (!sheets || !rels) return undefined;
  const out: { no: string; name: string }[] = [];
  for (const s of sheets) {
    const rel = rels.find((r) => r.Id === s.rId);
    const m = rel && /^(?:xl\/)?worksheets\/sheet(\d+)\.xml$/.exec(rel.Target.replace(/^\//, ''));
    if (m) out.push({ no: m[1], name: s.name ?? '' });
  }
  return out;
}

function asSheetError(e: unknown): SheetReadError {
  if (e instanceof SheetReadError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new SheetReadError(
    'unreadable',
    `无法读取文件内容，请用 Excel / WPS 另存为 .xlsx 后重试（unreadable workbook: ${detail}）`,
  );
}

/** exceljs cell value → what the importer sees: rich text, formulas and hyperlinks collapse to their text. */
export function toSheetValue(v: unknown): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cellText(v) === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return toSheetValue((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    }
    if ('formula' in o || 'sharedFormula' in o) return toSheetValue(o.result);
    if (typeof o.error === 'string') return o.error;
    if ('text' in o) return toSheetValue(o.text);
  }
  return null;
}

interface HeaderMatch {
  rowNumber: number;
  columns: Map<string, number>;
  duplicates: string[];
  extra: string[];
}

function matchHeaderRow(row: RawRow, lookup: Map<string, string>): HeaderMatch {
  const columns = new Map<string, number>();
  const duplicates: string[] = [];
  const extra: string[] = [];
  row.cells.forEach((v, col) => {
    if (v === null || v === undefined) return;
    const text = normaliseHeader(cellText(v));
    // a note in brackets after the name, e.g. 入会日期(YYYY-MM-DD), still names the column
    const expected = lookup.get(text) ?? lookup.get(text.replace(/[([][^()[\]]*[)\]]$/, ''));
    if (expected === undefined) extra.push(cellText(v));
    else if (columns.has(expected)) duplicates.push(expected);
    else columns.set(expected, col);
  });
  return { rowNumber: row.number, columns, duplicates, extra };
}

async function findHeader(rows: RowSource, spec: SheetSpec, sheetName: string): Promise<SheetHeader> {
  const searchRows = spec.headerSearchRows ?? 20;
  const optional = spec.optional ?? [];
  const lookup = new Map<string, string>();
  for (const h of [...spec.required, ...optional]) lookup.set(normaliseHeader(h), h);
  let best: HeaderMatch | undefined;
  const countRequired = (m: HeaderMatch): number => spec.required.filter((h) => m.columns.has(h)).length;
  for (;;) {
    const row = await rows.next();
    if (!row || row.number > searchRows) break;
    const m = matchHeaderRow(row, lookup);
    if (m.columns.size === 0) continue;
    if (countRequired(m) === spec.required.length) {
      if (m.duplicates.length > 0) {
        const dup = [...new Set(m.duplicates)].join('、');
        throw new SheetReadError(
          'duplicate-headers',
          `表头有重复的列：${dup}（duplicate columns in row ${m.rowNumber}）`,
        );
      }
      return {
        sheetName,
        rowNumber: m.rowNumber,
        columns: Object.fromEntries(m.columns),
        missingOptional: optional.filter((h) => !m.columns.has(h)),
        extraHeaders: m.extra,
      };
    }
    if (!best || countRequired(m) > countRequired(best)) best = m;
  }
  const missing = spec.required.filter((h) => !best?.columns.has(h));
  const where = best
    ? `（第 ${best.rowNumber} 行表头）`
    : `（前 ${searchRows} 行中未找到表头行；header row not found in the first ${searchRows} rows）`;
  throw new SheetReadError('missing-headers', `缺少必填列：${missing.join('、')}${where}`, missing);
}

class Cursor implements SheetCursor {
  skippedExampleRows = 0;
  private readonly headers: string[];
  private readonly cols: number[];

  constructor(
    private readonly rows: RowSource,
    readonly header: SheetHeader,
    private readonly spec: SheetSpec,
    readonly close: () => Promise<void>,
  ) {
    this.headers = [...spec.required, ...(spec.optional ?? [])];
    this.cols = this.headers.map((h) => header.columns[h] ?? 0);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<SheetRow> {
    const maxRows = this.spec.maxRows ?? MAX_IMPORT_ROWS;
    const skipExamples = this.spec.skipExampleRows ?? true;
    let count = 0;
    try {
      for (;;) {
        const row = await this.rows.next();
        if (!row) return;
        const values: Record<string, SheetValue> = {};
        let empty = true;
        let example = false;
        for (let i = 0; i < this.headers.length; i++) {
          const col = this.cols[i];
          const v = col === 0 ? null : (row.cells[col] ?? null);
          values[this.headers[i]] = v;
          if (v !== null) {
            empty = false;
            if (skipExamples && typeof v === 'string' && v.trimStart().startsWith(EXAMPLE_ROW_MARK))
              example = true;
          }
        }
        if (empty) continue;
        if (example) {
          this.skippedExampleRows++;
          continue;
        }
        if (++count > maxRows) {
          throw new SheetReadError(
            'too-many-rows',
            `数据超过 ${maxRows} 行上限（第 ${row.number} 行），请拆分后分批导入（more than ${maxRows} data rows）`,
          );
        }
        yield { rowNumber: row.number, values };
      }
    } finally {
      await this.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sheet XML scanning. Worksheet XML as Excel, WPS and LibreOffice write it is flat and regular:
// <row r="3"><c r="A3" s="1" t="s"><v>12</v></c>…</row>. Rows are cut out of the text stream whole and their
// cells matched with regular expressions, which is several times faster than a SAX parser building objects.

interface RawRow {
  number: number;
  /** 1-based column → value; holes for empty cells. */
  cells: SheetValue[];
}

/** A single <row> larger than this is not a spreadsheet row a person wrote. */
const MAX_ROW_XML = 4 * 1024 * 1024;

const ROW_ATTR_R = /\br\s*=\s*["'](\d+)["']/;
const CELL = /<c\b([^>]*?)\/>|<c\b([^>]*)>([\s\S]*?)<\/c>/g;
const ATTR = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const V = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const T = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// OOXML escapes characters XML cannot hold (e.g. a carriage return) as _xHHHH_
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;
// built-in number formats that are dates in Chinese locales; exceljs only knows 14..22
const BUILTIN_DATE_FMTS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

function decodeXml(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(ENTITY, (_m, hex?: string, dec?: string, name?: string) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : NAMED[name ?? ''],
    );
  }
  return unescapeOoxml(s);
}

function unescapeOoxml(s: string): string {
  return s.indexOf('_x') >= 0
    ? s.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhs]/i.test(bare.replace(/General/gi, ''));
}

/** The rows of a worksheet XML stream, values resolved against `sharedStrings`. Exported for tests. */
export async function* scanSheetXml(
  chunks: AsyncIterable<Buffer | string>,
  sharedStrings: unknown[] = [],
): AsyncGenerator<{ number: number; cells: SheetValue[] }> {
  const source = new RowSource({ chunks }, { sharedStrings });
  for (let row = await source.next(); row; row = await source.next()) yield row;
}

class RowSource {
  private readonly chunks: AsyncIterator<Buffer | string>;
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private queue: RawRow[] = [];
  private head = 0;
  private ended = false;
  private lastRow = 0;
  private wanted: Set<number> | null = null;
  private readonly dateStyle = new Map<number, boolean>();
  private readonly fallback?: Iter<ExcelJS.Row>;

  constructor(
    source: { chunks?: AsyncIterable<Buffer | string>; rows?: Iter<ExcelJS.Row> },
    private readonly wb: WorkbookInternals,
  ) {
    this.chunks = source.chunks ? source.chunks[Symbol.asyncIterator]() : (async function* () {})();
    this.fallback = source.rows;
  }

  /** After the header: decode only these columns. */
  onlyColumns(cols: number[]): void {
    this.wanted = new Set(cols);
  }

  async next(): Promise<RawRow | undefined> {
    while (this.head >= this.queue.length) {
      if (this.ended) return undefined;
      this.queue = [];
      this.head = 0;
      await this.fill();
    }
    return this.queue[this.head++];
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.chunks.return?.().catch(() => undefined);
    await this.fallback?.return?.().catch(() => undefined);
  }

  private async fill(): Promise<void> {
    if (this.fallback) {
      const next = await this.fallback.next();
      if (next.done) this.ended = true;
      else {
        const cells: SheetValue[] = [];
        (next.value.values as unknown[]).forEach((v, col) => (cells[col] = toSheetValue(v)));
        this.queue.push({ number: next.value.number, cells });
      }
      return;
    }
    const next = await this.chunks.next();
    if (next.done) {
      this.text += this.decoder.end();
      this.scan();
      this.ended = true;
      return;
    }
    this.text += typeof next.value === 'string' ? next.value : this.decoder.write(next.value);
    this.scan();
    if (this.text.length > MAX_ROW_XML) {
      throw new SheetReadError(
        'unreadable',
        '工作表中有超长的行，无法读取（a single row exceeds 4 MB of XML）',
      );
    }
  }

  /** Cuts every complete <row> out of the text read so far. */
  private scan(): void {
    const text = this.text;
    let pos = 0;
    for (;;) {
      const start = text.indexOf('<row', pos);
      if (start < 0) {
        // keep a possible '<ro' split across chunks
        pos = Math.max(pos, text.length - 4);
        break;
      }
      if (start + 4 >= text.length) {
        pos = start; // '<row' at the very end: what follows decides whether it is a row
        break;
      }
      const after = text.charCodeAt(start + 4);
      // <rowBreaks> and the like are not rows
      if (
        after !== 0x20 &&
        after !== 0x3e &&
        after !== 0x2f &&
        after !== 0x09 &&
        after !== 0x0a &&
        after !== 0x0d
      ) {
        pos = start + 4;
        continue;
      }
      const gt = text.indexOf('>', start);
      if (gt < 0) {
        pos = start;
        break;
      }
      const attrs = text.slice(start + 4, gt);
      const r = ROW_ATTR_R.exec(attrs);
      if (text.charCodeAt(gt - 1) === 0x2f) {
        this.lastRow = r ? Number(r[1]) : this.lastRow + 1;
        pos = gt + 1;
        continue;
      }
      const end = text.indexOf('</row>', gt);
      if (end < 0) {
        pos = start;
        break;
      }
      this.lastRow = r ? Number(r[1]) : this.lastRow + 1;
      this.queue.push({ number: this.lastRow, cells: this.cells(text.slice(gt + 1, end)) });
      pos = end + 6;
    }
    this.text = text.slice(pos);
  }

  private cells(xml: string): SheetValue[] {
    const cells: SheetValue[] = [];
    let col = 0;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
      const attrs = m[1] ?? m[2];
      let ref = '';
      let style = 0;
      let type = 'n';
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
        const value = a[2] ?? a[3];
        if (a[1] === 'r') ref = value;
        else if (a[1] === 's') style = Number(value);
        else if (a[1] === 't') type = value;
      }
      col = ref ? columnNumber(ref) : col + 1;
      const body = m[3];
      if (body === undefined || (this.wanted && !this.wanted.has(col))) continue;
      const v = this.value(type, style, body);
      if (v !== null) cells[col] = v;
    }
    return cells;
  }

  private value(type: string, style: number, body: string): SheetValue {
    if (type === 'inlineStr') {
      const xml = body.indexOf('<rPh') >= 0 ? body.replace(PHONETIC, '') : body;
      let text = '';
      T.lastIndex = 0;
      for (let t = T.exec(xml); t; t = T.exec(xml)) text += t[1];
      return toSheetValue(decodeXml(text));
    }
    const vm = V.exec(body);
    if (!vm) return null; // a formula without a cached result, or a styled empty cell
    const v = vm[1];
    switch (type) {
      case 's': {
        const shared = this.wb.sharedStrings?.[Number(v)];
        return toSheetValue(typeof shared === 'string' ? unescapeOoxml(shared) : shared);
      }
      case 'str':
        return toSheetValue(decodeXml(v));
      case 'b':
        return v.trim() === '1' ? 'TRUE' : 'FALSE';
      case 'e':
        return decodeXml(v);
      case 'd': {
        const d = ISO_DATE.exec(v.trim());
        if (!d) return toSheetValue(decodeXml(v));
        return new Date(Date.UTC(+d[1], +d[2] - 1, +d[3], +(d[4] ?? 0), +(d[5] ?? 0), +(d[6] ?? 0)));
      }
      default: {
        const n = parseFloat(v);
        if (!Number.isFinite(n)) return null;
        if (style && this.isDateStyle(style)) {
          const offset = this.wb.properties?.model?.date1904 ? 1462 : 0;
          return new Date(Math.round((n - 25569 + offset) * 86_400_000));
        }
        return n;
      }
    }
  }

  private isDateStyle(style: number): boolean {
    let is = this.dateStyle.get(style);
    if (is === undefined) {
      const styles = this.wb.styles;
      const id = styles?.model?.styles?.[style]?.numFmtId;
      is =
        (id !== undefined && BUILTIN_DATE_FMTS.has(id)) || isDateFormat(styles?.getStyleModel(style)?.numFmt);
      this.dateStyle.set(style, is);
    }
    return is;
  }
}
