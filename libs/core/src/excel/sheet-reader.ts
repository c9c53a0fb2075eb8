/**
 * Streams the data rows of an .xlsx's first worksheet (in tab order): exceljs's streaming WorkbookReader
 * handles the ZIP, shared strings, styles and sheet order; the sheet's XML is scanned here row by row. The
 * header row is found by its texts within the first rows (title rows above it are skipped), columns are mapped
 * by header in any order, and each non-empty data row comes out keyed by the expected header text.
 * Run upload-guard first: this reader trusts the ZIP container to be sane.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { cellText } from './cell-values';
import { SheetReadError } from './sheet-read-error';
import { RowSource, type Iter, type RawRow, type SheetValue, type WorkbookInternals } from './sheet-xml-rows';

export { scanSheetXml, toSheetValue, type SheetValue } from './sheet-xml-rows';
export { SheetReadError, type SheetReadErrorCode } from './sheet-read-error';

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

/** A file path, a stream read once, or a function that opens the same content again each time it is called. */
export type SheetSource = string | Readable | (() => Readable);

/**
 * Opens the sheet and reads up to the header row; throws SheetReadError when the header is not there.
 *
 * A path or a reopenable source is read a second time when exceljs itself failed (not a SheetReadError): its
 * streaming reader sometimes ends its walk through the archive before the last entry, and exceljs's own files put
 * xl/workbook.xml last, so about one read in 3,000 of a valid file failed with "Cannot read properties of
 * undefined (reading 'sheets')" on a loaded machine (one in 400 of a template with a hidden sheet, read beside a
 * CI run in session 12). The same early end without that error left the tab order unknown, and the first sheet
 * in the archive was read instead of the first tab (a CI run of session 14): so a first read that meets a sheet
 * before it knows the tab order is read again. A damaged file fails twice and is reported as unreadable.
 */
export async function openSheet(source: SheetSource, spec: SheetSpec): Promise<SheetCursor> {
  const ownStream = typeof source === 'string';
  const open: (() => Readable) | null =
    typeof source === 'string'
      ? () => createReadStream(source)
      : typeof source === 'function'
        ? source
        : null;
  try {
    try {
      return await openSheetOnce(open ? open() : (source as Readable), ownStream, spec, !!open);
    } catch (e) {
      if (!open || e instanceof SheetReadError) throw e;
      // the second read takes the first sheet met when the tab order is still unknown
      return await openSheetOnce(open(), ownStream, spec, false);
    }
  } catch (e) {
    throw asSheetError(e);
  }
}

/** Thrown by a first read that met a sheet before the workbook's tab order: the source is read again. */
class TabOrderUnknown extends Error {}

async function openSheetOnce(
  input: Readable,
  ownStream: boolean,
  spec: SheetSpec,
  needTabOrder: boolean,
): Promise<SheetCursor> {
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
      for (let next = await sheets.next(); !next.done; next = await sheets.next())
        releaseSkippedSheet(next.value);
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
      const order = worksheetsInTabOrder(internals);
      if (order === undefined && needTabOrder) throw new TabOrderUnknown('the tab order was not read');
      const first = order?.[0];
      if (first === undefined || first.no === lastSheetNo) {
        sheet = next.value;
        sheetName = first?.name ?? (sheet as unknown as { name?: string }).name ?? '';
        break;
      }
      releaseSkippedSheet(next.value);
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
    throw e;
  }
}

// A skipped sheet parked in a temp file holds an open read stream exceljs never reads nor closes. exceljs deletes
// the file as soon as the generator moves on, which can be before the stream's (asynchronous) open: that open then
// fails with ENOENT on a stream nobody reads, so its errors are dropped rather than thrown as unhandled.
export function releaseSkippedSheet(sheet: ExcelJS.stream.xlsx.WorksheetReader): void {
  const raw = (sheet as unknown as { iterator?: Partial<Pick<Readable, 'destroy' | 'on'>> }).iterator;
  if (typeof raw?.on === 'function') raw.on('error', () => undefined);
  if (typeof raw?.destroy === 'function') raw.destroy();
}

/** Convenience: opens the sheet and yields its data rows; `onHeader` sees the header before the first row. */
export async function* readSheetRows(
  source: SheetSource,
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
