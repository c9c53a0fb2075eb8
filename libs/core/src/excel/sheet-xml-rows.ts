/**
 * The raw rows of a worksheet: its XML scanned row by row (or, for sheets exceljs hands over as parsed rows,
 * those rows), each as 1-based column → value. Opening the workbook and finding the header live in sheet-reader.
 */
import { StringDecoder } from 'node:string_decoder';
import type * as ExcelJS from 'exceljs';
import { cellText } from './cell-values';
import { SheetReadError } from './sheet-read-error';

export type SheetValue = string | number | Date | null;

export type Iter<T> = AsyncIterator<T, unknown, undefined>;

export interface WorkbookInternals {
  model?: { sheets?: { rId?: string; name?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  styles?: {
    getStyleModel(id: number): { numFmt?: string } | null;
    model?: { styles?: { numFmtId?: number }[] };
  };
  properties?: { model?: { date1904?: boolean } };
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

// ---------------------------------------------------------------------------------------------------------
// Sheet XML scanning. Worksheet XML as Excel, WPS and LibreOffice write it is flat and regular:
// <row r="3"><c r="A3" s="1" t="s"><v>12</v></c>…</row>. Rows are cut out of the text stream whole and their
// cells matched with regular expressions, which is several times faster than a SAX parser building objects.

export interface RawRow {
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

export class RowSource {
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
