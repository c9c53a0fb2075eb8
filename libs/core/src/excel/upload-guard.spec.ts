import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { buildZip, readZip } from './testing/zip-builder';
import {
  checkXlsxUpload,
  inspectXlsxUpload,
  UploadRejectedError,
  type UploadRejection,
} from './upload-guard';

async function realXlsx(rows = 50): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(['企业名称', '统一社会信用代码']);
  for (let i = 0; i < rows; i++)
    ws.addRow([`沈阳第${i}机床有限公司`, `91210100MA0Y${String(i).padStart(5, '0')}X`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejection(source: string | Buffer, limits = {}): Promise<UploadRejectedError> {
  const result = await checkXlsxUpload(source, limits);
  if (result.ok) throw new Error('expected the upload to be rejected');
  return result.error;
}

const WORKBOOK = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };

describe('upload guard', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'upload-guard-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a workbook written by exceljs, from a Buffer and from a path', async () => {
    const buf = await realXlsx();
    const info = await inspectXlsxUpload(buf);
    expect(info.fileBytes).toBe(buf.length);
    expect(info.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
    );
    // the declared sizes add up to what the entries really inflate to
    const real = readZip(buf).reduce((s, e) => s + e.data.length, 0);
    expect(info.uncompressedBytes).toBe(real);

    const path = join(dir, 'ok.xlsx');
    writeFileSync(path, buf);
    expect((await inspectXlsxUpload(path)).uncompressedBytes).toBe(real);
  });

  it.each<[string, Buffer, UploadRejection, RegExp]>([
    ['an empty file', Buffer.alloc(0), 'empty', /文件为空/],
    [
      'random bytes',
      Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00]),
      'not-xlsx',
      /不是 Excel 文件 \(\.xlsx\)，请另存为 \.xlsx 后上传/,
    ],
    [
      'a CSV export (UTF-8 with BOM)',
      Buffer.from('\ufeff企业名称,统一社会信用代码\r\n沈阳机床,91210100MA0Y00001X\r\n', 'utf8'),
      'not-xlsx',
      /不接受 \.xls 和 \.csv.*CSV/,
    ],
    [
      'a legacy .xls (OLE compound file)',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
      'legacy-or-encrypted',
      /旧版 \.xls/,
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), 'not-xlsx', /不是 Excel 文件/],
  ])('refuses %s', async (_label, buf, code, message) => {
    const err = await rejection(buf);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const err = await rejection(Buffer.alloc(20 * 1024 * 1024 + 1, 0x50));
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('20.0 MB');
  });

  it('refuses a truncated zip', async () => {
    const buf = await realXlsx();
    for (const cut of [Math.floor(buf.length / 2), buf.length - 10]) {
      const err = await rejection(buf.subarray(0, cut));
      expect(err.code).toBe('corrupt');
      expect(err.message).toMatch(/文件已损坏或不完整/);
    }
  });

  it('refuses a zip whose entries declare more than 300 MB in total', async () => {
    const zip = buildZip([
      WORKBOOK,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000, 0x41), declaredSize: 301 * 1024 * 1024 },
    ]);
    const err = await rejection(zip);
    expect(err.code).toBe('too-big-uncompressed');
    expect(err.message).toContain('301.0 MB');
  });

  it('refuses a real exceljs file with one declared size patched upward', async () => {
    const buf = Buffer.from(await realXlsx());
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = buf.readUInt32LE(eocd + 16);
    buf.writeUInt32LE(0xfffffff0, cd + 24); // first entry's uncompressed size
    expect((await rejection(buf)).code).toBe('too-big-uncompressed');
  });

  it('refuses an absurd compression ratio (a small zip bomb)', async () => {
    const bomb = { name: 'xl/sharedStrings.xml', data: Buffer.alloc(5 * 1024 * 1024) };
    const err = await rejection(buildZip([WORKBOOK, bomb]));
    expect(err.code).toBe('suspicious-compression');
    expect(err.message).toMatch(/压缩炸弹.*xl\/sharedStrings\.xml|xl\/sharedStrings\.xml.*压缩炸弹/);
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    // declared 500 KB passes the ratio check; the data really inflates to 5 MB
    const liar = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.alloc(5 * 1024 * 1024),
      declaredSize: 500 * 1024,
    };
    const err = await rejection(buildZip([WORKBOOK, liar]));
    expect(err.code).toBe('suspicious-compression');
    expect(err.message).toContain('实际解压大小与声明不符');
    // without the inflate pass only declared sizes are checked, and they look harmless
    expect((await checkXlsxUpload(buildZip([WORKBOOK, liar]), { verifyInflate: false })).ok).toBe(true);
  });

  it('refuses a local entry hidden from the central directory', async () => {
    const hidden = { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>') };
    const zip = buildZip([WORKBOOK, { name: 'xl/styles.xml', data: Buffer.from('<styleSheet/>') }], [hidden]);
    const err = await rejection(zip);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('unexpected data before');
  });

  it('refuses a zip without xl/workbook.xml', async () => {
    const err = await rejection(
      buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]),
    );
    expect(err.code).toBe('no-workbook');
    expect(err.message).toContain('xl/workbook.xml');
  });

  it('refuses too many entries', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      name: `xl/media/${i}.bin`,
      data: Buffer.from([i]),
    }));
    const err = await rejection(buildZip([WORKBOOK, ...many]), { maxEntries: 20 });
    expect(err.code).toBe('too-many-entries');
    expect(err.message).toContain('31');
  });

  it('refuses encrypted entries', async () => {
    const zip = buildZip([WORKBOOK]);
    const eocd = zip.length - 22;
    const cd = zip.readUInt32LE(eocd + 16);
    zip.writeUInt16LE(zip.readUInt16LE(cd + 8) | 1, cd + 8);
    expect((await rejection(zip)).code).toBe('legacy-or-encrypted');
  });

  it('inspectXlsxUpload throws the typed error', async () => {
    await expect(inspectXlsxUpload(Buffer.from('a,b\n1,2\n'))).rejects.toBeInstanceOf(UploadRejectedError);
  });
});
