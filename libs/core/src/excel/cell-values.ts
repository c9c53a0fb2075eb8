/**
 * Per-cell normalisers for spreadsheet imports. Every parser takes whatever the sheet reader yielded
 * (string | number | Date | null) and answers either a value or a Chinese reason for the error report.
 * Empty cells parse to `null` without error; whether a column is required is the caller's concern.
 */

export type RawCell = string | number | boolean | Date | null | undefined;

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// NBSP, ideographic space and the typographic spaces all mean "a space" to the person typing.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const NEEDS_CLEANING = /[\s\u00A0\u00AD\u1680\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF\uFF01-\uFF5E]/;

/** Full-width ASCII (！..～) → half-width, ideographic and other odd spaces → ' '. Nothing else changes. */
export function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(ODD_SPACES, ' ');
}

/** Trimmed, half-width, zero-width characters removed, whitespace runs collapsed to one space; '' when empty. */
export function cellText(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : isoDate(value);
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // most cells (codes, names) have nothing to clean; one test instead of four replaces
  if (!NEEDS_CLEANING.test(value)) return value;
  return toHalfWidth(value.replace(ZERO_WIDTH, '')).replace(/\s+/g, ' ').trim();
}

// String(1e21) is exponential; integers below that print as plain digits, which is what a code column needs.
function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// exceljs hands date cells over as UTC midnight of the date shown in the sheet, so read the UTC parts.
function isoDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export interface DateOptions {
  /** Inclusive year bounds; a year outside is almost always a typo (0025, 20255). Default 1900..2100. */
  minYear?: number;
  maxYear?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(y: number, m: number, d: number, shown: string, opts: DateOptions): CellResult<string> {
  const minYear = opts.minYear ?? 1900;
  const maxYear = opts.maxYear ?? 2100;
  if (y < minYear || y > maxYear)
    return { ok: false, reason: `日期超出范围（${minYear}–${maxYear} 年）：${shown}` };
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: `日期不存在：${shown}` };
  return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2958465; // 9999-12-31

/** Excel serial day number (1900 system) → 'YYYY-MM-DD'; the time fraction is dropped. */
function serialDate(serial: number, opts: DateOptions): CellResult<string> {
  const whole = Math.floor(serial);
  // 60 is Excel's fictitious 1900-02-29; earlier serials are one day off the usual epoch.
  if (whole === 60) return { ok: false, reason: `日期不存在：1900-02-29` };
  const days = whole < 60 ? whole + 1 : whole;
  const d = new Date(EXCEL_EPOCH_MS + days * 86_400_000);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), String(serial), opts);
}

const YMD_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YMD_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date cell, an Excel serial number, a yyyymmdd number, or text such as 2025-07-11, 2025/7/11, 2025.7.11,
 * 2025年7月11日 (full-width digits and stray spaces allowed; a trailing time is ignored) → 'YYYY-MM-DD'.
 */
export function cellDate(value: RawCell, opts: DateOptions = {}): CellResult<string> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return { ok: false, reason: '日期格式无法识别' };
    return calendarDate(
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      isoDate(value),
      opts,
    );
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: `日期格式无法识别：${value}` };
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
      return compactDate(String(value), opts);
    }
    if (value >= 1 && value <= MAX_SERIAL) return serialDate(value, opts);
    return { ok: false, reason: `日期格式无法识别：${value}` };
  }
  const text = cellText(value);
  if (text === '') return { ok: true, value: null };
  const compactText = text.replace(/\s+/g, '');
  let m = YMD_SEPARATED.exec(text) ?? YMD_SEPARATED.exec(compactText);
  if (m) return calendarDate(Number(m[1]), Number(m[3]), Number(m[4]), text, opts);
  m = YMD_CHINESE.exec(compactText);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), text, opts);
  if (YMD_COMPACT.test(compactText)) return compactDate(compactText, opts);
  return { ok: false, reason: `日期格式无法识别：${text}（请填写如 2025-07-11 的日期）` };
}

function compactDate(digits: string, opts: DateOptions): CellResult<string> {
  const m = YMD_COMPACT.exec(digits);
  if (!m) return { ok: false, reason: `日期格式无法识别：${digits}` };
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), digits, opts);
}

export interface NumberOptions {
  integer?: boolean;
  min?: number;
  max?: number;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A numeric cell or text such as '1,234.5', '１２３', ' 12 万元' → number. A '万元' / '万' suffix is dropped
 * because amount columns are already in 万元; any other unit is refused rather than guessed.
 */
export function cellNumber(value: RawCell, opts: NumberOptions = {}): CellResult<number> {
  if (value === null || value === undefined) return { ok: true, value: null };
  let n: number;
  let shown: string;
  if (typeof value === 'number') {
    n = value;
    shown = String(value);
  } else if (typeof value === 'string') {
    shown = cellText(value);
    if (shown === '') return { ok: true, value: null };
    const bare = shown.replace(/\s+/g, '').replace(/万元?$/, '');
    if (PLAIN_NUMBER.test(bare)) n = Number(bare);
    else if (GROUPED_NUMBER.test(bare)) n = Number(bare.replace(/,/g, ''));
    else return { ok: false, reason: `数字格式无法识别：${shown}` };
  } else {
    return { ok: false, reason: `数字格式无法识别：${cellText(value)}` };
  }
  if (!Number.isFinite(n)) return { ok: false, reason: `数字格式无法识别：${shown}` };
  if (opts.integer && !Number.isInteger(n)) return { ok: false, reason: `应为整数：${shown}` };
  if (opts.min !== undefined && n < opts.min) return { ok: false, reason: `不能小于 ${opts.min}：${shown}` };
  if (opts.max !== undefined && n > opts.max) return { ok: false, reason: `不能大于 ${opts.max}：${shown}` };
  return { ok: true, value: n };
}

/**
 * An enumeration cell: accepts the Chinese label (大型) or the code (large, case-insensitive) and answers the
 * code. `labels` maps code → label, e.g. { large: '大型', medium: '中型' }.
 */
export function cellEnum<C extends string>(
  value: RawCell,
  labels: Readonly<Record<C, string>>,
): CellResult<C> {
  const text = cellText(value);
  if (text === '') return { ok: true, value: null };
  const key = text.replace(/\s+/g, '');
  const codes = Object.keys(labels) as C[];
  for (const code of codes) {
    if (labels[code].replace(/\s+/g, '') === key || code.toLowerCase() === key.toLowerCase()) {
      return { ok: true, value: code };
    }
  }
  return { ok: false, reason: `应为 ${codes.map((c) => labels[c]).join('、')} 之一：${text}` };
}

const LIST_SEPARATORS = /[、,，;；\s]+/;

/** Splits on 、 , ， ; ； and whitespace; items are normalised, empty ones dropped, duplicates kept once. */
export function cellList(value: RawCell): string[] {
  const text = cellText(value);
  if (text === '') return [];
  const seen = new Set<string>();
  for (const item of text.split(LIST_SEPARATORS)) {
    if (item !== '') seen.add(item);
  }
  return [...seen];
}
