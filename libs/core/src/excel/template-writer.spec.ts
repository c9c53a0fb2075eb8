import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { readSheetRows, type SheetRow } from './sheet-reader';
import {
  TEMPLATE_EXAMPLE_ROW,
  TEMPLATE_HEADER_ROW,
  writeImportTemplate,
  type TemplateColumn,
} from './template-writer';
import { inspectXlsxUpload } from './upload-guard';

const COLUMNS: TemplateColumn[] = [
  { header: '企业名称', required: true, note: '营业执照上的全称', example: '沈阳精工机床有限公司' },
  {
    header: '统一社会信用代码',
    required: true,
    note: '18 位，末位为校验码',
    format: 'text',
    example: '91210100MA0Y12345X',
  },
  {
    header: '企业规模',
    required: true,
    note: '按工信部划型标准',
    enumLabels: ['大型', '中型', '小型', '微型'],
    example: '中型',
  },
  { header: '所属集群编码', required: false, note: '多个用、分隔', width: 30, example: 'SY-CNC、DL-PETRO' },
  {
    header: '入会日期',
    required: false,
    note: '如 2025-07-11',
    format: 'date',
    example: new Date(Date.UTC(2025, 6, 11)),
  },
];

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/**
 * The buffer as a source the reader can open again, as imports give it: exceljs's streaming reader misread the
 * hidden-sheet template below once in 400 reads beside a CI run, and openSheet retries only what it can reopen.
 */
function reopenable(buf: Buffer): () => PassThrough {
  return () => {
    const s = new PassThrough();
    s.end(buf);
    return s;
  };
}

async function readRows(buf: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const spec = {
    required: ['企业名称', '统一社会信用代码', '企业规模'],
    optional: ['所属集群编码', '入会日期'],
  };
  for await (const r of readSheetRows(reopenable(buf), spec)) rows.push(r);
  return rows;
}

describe('import template', () => {
  let buf: Buffer;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    buf = await writeImportTemplate(COLUMNS, {
      title: '企业导入模板',
      instructions: ['同一信用代码已存在时更新该企业。'],
    });
    ws = (await load(buf)).worksheets[0];
  });

  it('passes the upload guard', async () => {
    await expect(inspectXlsxUpload(buf)).resolves.toMatchObject({ fileBytes: buf.length });
  });

  it('has a title, the filling notes and a frozen header row', () => {
    expect(ws.name).toBe('企业导入模板');
    expect(ws.getCell('A1').value).toBe('企业导入模板');
    const notes = String(ws.getCell('A2').value);
    expect(notes).toContain('带 * 的列为必填');
    expect(notes).toContain('5. 同一信用代码已存在时更新该企业。');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW });
  });

  it('marks required headers and explains each column in a comment', () => {
    const texts = COLUMNS.map((_, i) => {
      const v = ws.getCell(TEMPLATE_HEADER_ROW, i + 1).value;
      return typeof v === 'object' && v && 'richText' in v ? v.richText.map((r) => r.text).join('') : v;
    });
    expect(texts).toEqual(['*企业名称', '*统一社会信用代码', '*企业规模', '所属集群编码', '入会日期']);
    const note = (col: number): string => {
      const n = ws.getCell(TEMPLATE_HEADER_ROW, col).note;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    expect(note(2)).toBe('必填。18 位，末位为校验码');
    expect(note(3)).toBe('必填。按工信部划型标准\n可选：大型、中型、小型、微型');
    expect(note(4)).toBe('选填。多个用、分隔');
  });

  it('offers a drop-down over the data rows of enumeration columns only', () => {
    for (const row of [TEMPLATE_EXAMPLE_ROW, 500, TEMPLATE_EXAMPLE_ROW + 999]) {
      expect(ws.getCell(row, 3).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"大型,中型,小型,微型"'],
        showErrorMessage: true,
      });
    }
    expect(ws.getCell(TEMPLATE_EXAMPLE_ROW + 1000, 3).dataValidation).toBeUndefined();
    expect(ws.getCell(TEMPLATE_HEADER_ROW, 3).dataValidation).toBeUndefined();
    expect(ws.getCell(10, 1).dataValidation).toBeUndefined();
  });

  it('formats code columns as text and date columns as dates, with widths', () => {
    expect(ws.getColumn(2).numFmt).toBe('@');
    expect(ws.getColumn(5).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(1).numFmt).toBeUndefined();
    expect(ws.getColumn(4).width).toBe(30);
  });

  it('has an example row the reader skips, and reads what people fill in', async () => {
    expect(ws.getCell(TEMPLATE_EXAMPLE_ROW, 1).value).toBe('【示例】沈阳精工机床有限公司');
    expect(ws.getCell(TEMPLATE_EXAMPLE_ROW, 5).value).toEqual(new Date(Date.UTC(2025, 6, 11)));
    expect(await readRows(buf)).toEqual([]);

    // fill the template the way a user would: keep the example, type a code with a leading zero
    const wb = await load(buf);
    const sheet = wb.worksheets[0];
    sheet.getRow(5).values = ['营口港务集团', '01210800MA0Y00004D', '大型', null, '2025/7/11'];
    const rows = await readRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      {
        rowNumber: 5,
        values: {
          企业名称: '营口港务集团',
          统一社会信用代码: '01210800MA0Y00004D',
          企业规模: '大型',
          所属集群编码: null,
          入会日期: '2025/7/11',
        },
      },
    ]);
  });

  it('puts long or comma-containing option lists on a hidden sheet', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `辽宁省第${i + 1}产业集群`);
    const buf2 = await writeImportTemplate(
      [
        { header: '集群', required: true, note: '从列表选择', enumLabels: many, example: many[0] },
        { header: '类别', required: false, note: '', enumLabels: ['A,B', 'C'] },
      ],
      { title: '集群模板' },
    );
    const wb = await load(buf2);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['集群模板', 'visible'],
      ['选项', 'hidden'],
    ]);
    const options = wb.getWorksheet('选项')!;
    expect(options.getCell('A60').value).toBe('辽宁省第60产业集群');
    expect(options.getCell('B1').value).toBe('A,B');
    expect(wb.worksheets[0].getCell(4, 1).dataValidation?.formulae).toEqual(["'选项'!$A$1:$A$60"]);
    expect(wb.worksheets[0].getCell(4, 2).dataValidation?.formulae).toEqual(["'选项'!$B$1:$B$2"]);
    // the reader still reads the visible first sheet
    const rows: SheetRow[] = [];
    for await (const r of readSheetRows(reopenable(buf2), { required: ['集群'] })) rows.push(r);
    expect(rows).toEqual([]);
  });
});
