/**
 * Checks an uploaded file before any spreadsheet parser sees it: size, ZIP signature, a central directory that
 * hangs together, declared and actual uncompressed sizes (zip bombs), and an xl/workbook.xml entry. The ZIP
 * structures are parsed here from the end-of-central-directory record on; nothing is extracted to disk and
 * inflated bytes are only counted, so memory stays at the file's size plus zlib's window.
 */
import { readFile, stat } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';

export type UploadRejection =
  | 'empty'
  | 'too-large'
  | 'not-xlsx'
  | 'legacy-or-encrypted'
  | 'corrupt'
  | 'too-many-entries'
  | 'too-big-uncompressed'
  | 'suspicious-compression'
  | 'unsupported-zip'
  | 'no-workbook';

export class UploadRejectedError extends Error {
  override readonly name = 'UploadRejectedError';
  constructor(
    readonly code: UploadRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadLimits {
  /** Largest accepted file. Default 20 MB. */
  maxFileBytes: number;
  /** Largest total uncompressed size, declared or actual. Default 300 MB. */
  maxUncompressedBytes: number;
  /** Most ZIP entries. Default 10,000 (a real workbook has tens). */
  maxEntries: number;
  /** Highest uncompressed:compressed ratio of an entry larger than `ratioCheckAboveBytes`. Default 200. */
  maxCompressionRatio: number;
  ratioCheckAboveBytes: number;
  /** Inflate every entry (counting, not keeping, the bytes) to catch sizes that lie. Default true. */
  verifyInflate: boolean;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntries: 10_000,
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 1024 * 1024,
  verifyInflate: true,
});

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface UploadInspection {
  fileBytes: number;
  entries: ZipEntryInfo[];
  /** Sum of the entries' declared uncompressed sizes. */
  uncompressedBytes: number;
}

export type UploadCheck = { ok: true; info: UploadInspection } | { ok: false; error: UploadRejectedError };

const MB = 1024 * 1024;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function reject(code: UploadRejection, message: string): never {
  throw new UploadRejectedError(code, message);
}

function corrupt(detail: string): never {
  reject(
    'corrupt',
    `文件已损坏或不完整，请用 Excel / WPS 重新另存为 .xlsx 后上传（corrupt or truncated file: ${detail}）`,
  );
}

/** Like inspectXlsxUpload, but answers a result instead of throwing for a rejected file. */
export async function checkXlsxUpload(
  source: string | Buffer,
  limits: Partial<UploadLimits> = {},
): Promise<UploadCheck> {
  try {
    return { ok: true, info: await inspectXlsxUpload(source, limits) };
  } catch (e) {
    if (e instanceof UploadRejectedError) return { ok: false, error: e };
    throw e;
  }
}

/** Throws UploadRejectedError (with a Chinese + English message) for anything that is not a sane .xlsx. */
export async function inspectXlsxUpload(
  source: string | Buffer,
  limits: Partial<UploadLimits> = {},
): Promise<UploadInspection> {
  const lim: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...limits };
  const size = typeof source === 'string' ? (await stat(source)).size : source.length;
  if (size === 0) reject('empty', '文件为空（empty file）');
  if (size > lim.maxFileBytes) {
    reject(
      'too-large',
      `文件超过 ${mb(lim.maxFileBytes)} 上限（实际 ${mb(size)}），请拆分后分批上传（file larger than ${mb(lim.maxFileBytes)}）`,
    );
  }
  // bounded by maxFileBytes, and random access is far simpler on a buffer
  const buf = typeof source === 'string' ? await readFile(source) : source;
  checkSignature(buf);
  const entries = readCentralDirectory(buf, lim);
  let declared = 0;
  for (const e of entries) declared += e.uncompressedSize;
  checkEntries(entries, declared, lim);
  if (lim.verifyInflate) await verifyInflatedSizes(buf, entries, lim);
  return { fileBytes: size, entries, uncompressedBytes: declared };
}

function checkSignature(buf: Buffer): void {
  if (buf.length >= 4 && buf.readUInt32LE(0) === SIG_LOCAL) return;
  const notXlsx = '不是 Excel 文件 (.xlsx)，请另存为 .xlsx 后上传；不接受 .xls 和 .csv（not an .xlsx file';
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    reject(
      'legacy-or-encrypted',
      '不是 Excel 文件 (.xlsx)：这是旧版 .xls 或设置了打开密码的工作簿，请取消密码并另存为 .xlsx 后上传；不接受 .xls 和 .csv（legacy .xls or password-protected workbook）',
    );
  }
  if (buf.length >= 4 && buf.readUInt32LE(0) === SIG_EOCD) corrupt('empty ZIP archive');
  if (looksLikeText(buf)) reject('not-xlsx', `${notXlsx}: looks like CSV / text）`);
  reject('not-xlsx', `${notXlsx}）`);
}

// CSV exported as UTF-8, UTF-8 with BOM or GBK: no NUL bytes and no C0 controls beyond tab / CR / LF.
function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096);
  for (const b of head) {
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return false;
  }
  return true;
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i;
  }
  return -1;
}

function readCentralDirectory(buf: Buffer, lim: UploadLimits): ZipEntryInfo[] {
  const eocd = findEocd(buf);
  if (eocd < 0) corrupt('end of central directory not found');
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) {
    reject('unsupported-zip', '不支持分卷压缩的文件（multi-disk ZIP not supported）');
  }
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  let cdEnd = eocd; // where the central directory must stop
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) corrupt('ZIP64 locator missing');
    const z = safeNumber(buf.readBigUInt64LE(loc + 8));
    if (z + 56 > loc || buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) corrupt('ZIP64 end record missing');
    count = safeNumber(buf.readBigUInt64LE(z + 32));
    cdSize = safeNumber(buf.readBigUInt64LE(z + 40));
    cdOffset = safeNumber(buf.readBigUInt64LE(z + 48));
    cdEnd = z;
  }
  if (count > lim.maxEntries) {
    reject(
      'too-many-entries',
      `压缩包内文件过多（${count} 个），不是正常的 Excel 文件（too many ZIP entries）`,
    );
  }
  if (count === 0)
    reject('no-workbook', '文件中没有工作簿（xl/workbook.xml），请另存为 .xlsx 后上传（no workbook）');
  if (cdOffset + cdSize !== cdEnd) corrupt('central directory position does not match');

  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || buf.readUInt32LE(p) !== SIG_CENTRAL) corrupt('bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cdEnd) corrupt('central directory entry overruns');
    const name = buf.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // ZIP64 extra field: only the fields whose 32-bit slot is saturated are present, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const take = (): number => {
          if (f + 8 > x + 4 + len) corrupt('short ZIP64 extra field');
          const v = safeNumber(buf.readBigUInt64LE(f));
          f += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      x += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  checkLayout(buf, entries, cdOffset);
  return entries;
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) corrupt('size field out of range');
  return Number(v);
}

// Streaming unzippers read local headers front to back, so an entry hidden between the listed ones (or data
// that differs from the directory) would slip past every check here: require the entries to tile the file.
function checkLayout(buf: Buffer, entries: ZipEntryInfo[], cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  let slack = 0; // a data descriptor of 12..24 bytes may follow an entry's data
  for (const e of sorted) {
    const off = e.localHeaderOffset;
    if (off < expected || off > expected + slack) corrupt(`unexpected data before ${e.name}`);
    if (off + 30 > cdOffset || buf.readUInt32LE(off) !== SIG_LOCAL)
      corrupt(`local header of ${e.name} missing`);
    const nameLen = buf.readUInt16LE(off + 26);
    const extraLen = buf.readUInt16LE(off + 28);
    const localName = buf.toString(e.flags & FLAG_UTF8 ? 'utf8' : 'latin1', off + 30, off + 30 + nameLen);
    if (localName !== e.name) corrupt(`local header name differs for ${e.name}`);
    expected = off + 30 + nameLen + extraLen + e.compressedSize;
    slack = e.flags & FLAG_DATA_DESCRIPTOR ? 24 : 0;
    if (expected > cdOffset) corrupt(`data of ${e.name} overruns`);
  }
  if (cdOffset < expected || cdOffset > expected + slack) corrupt('unexpected data before central directory');
}

function checkEntries(entries: ZipEntryInfo[], declared: number, lim: UploadLimits): void {
  for (const e of entries) {
    if (e.flags & FLAG_ENCRYPTED) {
      reject('legacy-or-encrypted', '文件已加密，请取消密码后另存为 .xlsx 再上传（encrypted ZIP entries）');
    }
    if (e.method !== METHOD_STORED && e.method !== METHOD_DEFLATE) {
      reject(
        'unsupported-zip',
        `不支持的压缩方式（${e.method}），请用 Excel / WPS 另存为 .xlsx（unsupported ZIP method）`,
      );
    }
    if (e.method === METHOD_STORED && e.compressedSize !== e.uncompressedSize)
      corrupt(`stored size of ${e.name}`);
  }
  if (declared > lim.maxUncompressedBytes) {
    reject(
      'too-big-uncompressed',
      `文件解压后超过 ${mb(lim.maxUncompressedBytes)}（声明 ${mb(declared)}），请拆分后上传（uncompressed content too large）`,
    );
  }
  for (const e of entries) {
    if (e.uncompressedSize > lim.ratioCheckAboveBytes) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > lim.maxCompressionRatio) {
        reject(
          'suspicious-compression',
          `文件压缩比异常（${e.name} 为 ${Math.round(ratio)}:1），疑似压缩炸弹，已拒绝（suspicious compression ratio, possible zip bomb）`,
        );
      }
    }
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    reject(
      'no-workbook',
      '文件中没有工作簿（xl/workbook.xml），不是有效的 .xlsx，请另存为 .xlsx 后上传（no workbook）',
    );
  }
}

class OverLimit extends Error {}

async function verifyInflatedSizes(buf: Buffer, entries: ZipEntryInfo[], lim: UploadLimits): Promise<void> {
  let total = 0;
  for (const e of entries) {
    if (e.method !== METHOD_DEFLATE) {
      total += e.uncompressedSize;
      continue;
    }
    const off = e.localHeaderOffset;
    const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    const budget = Math.min(e.uncompressedSize, lim.maxUncompressedBytes - total);
    let produced = 0;
    try {
      await pipeline(
        Readable.from(slices(data)),
        createInflateRaw(),
        new Writable({
          write(chunk: Buffer, _enc, cb) {
            produced += chunk.length;
            cb(produced > budget ? new OverLimit() : null);
          },
        }),
      );
    } catch (err) {
      if (err instanceof OverLimit) {
        reject(
          'suspicious-compression',
          `文件实际解压大小与声明不符（${e.name}），疑似压缩炸弹，已拒绝（entry inflates beyond its declared size）`,
        );
      }
      corrupt(`cannot inflate ${e.name}`);
    }
    if (produced !== e.uncompressedSize) corrupt(`size of ${e.name} differs from the directory`);
    total += produced;
  }
}

function* slices(data: Buffer): Generator<Buffer> {
  for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
}
