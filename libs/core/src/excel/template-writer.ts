/**
 * Builds an import template: title, filling notes, a header row (required columns marked with a red *, each
 * header carrying a comment on its format), drop-downs for enumerations, text-formatted code columns so
 * credit codes keep their leading zeros, and an example row the sheet reader skips.
 */
import * as ExcelJS from 'exceljs';
import { EXAMPLE_ROW_MARK } from './sheet-reader';
import { displayWidth } from './table-export';

export interface TemplateColumn {
  header: string;
  required: boolean;
  /** Shown as the header cell's comment: what goes in the column and in which form. */
  note: string;
  /** Offered as a drop-down list over the data rows. */
  enumLabels?: readonly string[];
  width?: number;
  /** text: cells formatted '@' (codes, phone numbers); date: 'yyyy-mm-dd'; number: General. */
  format?: 'text' | 'date' | 'number';
  /** Value for the example row. */
  example?: string | number | Date;
}

export interface TemplateOptions {
  title: string;
  sheetName?: string;
  /** Extra lines for the notes row, after the standard ones. */
  instructions?: readonly string[];
  /** Data rows that get drop-downs and formats. Default 1,000. */
  validationRows?: number;
}

// exceljs supports range validations (one sqref, not 1,000 cell entries) but its typings omit them
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export const TEMPLATE_HEADER_ROW = 3;
export const TEMPLATE_EXAMPLE_ROW = 4;

const OPTIONS_SHEET = '选项';
// Excel limits an inline list formula to 255 characters
const INLINE_LIST_MAX = 255;

/** The template as an .xlsx Buffer. */
export async function writeImportTemplate(
  columns: readonly TemplateColumn[],
  options: TemplateOptions,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet((options.sheetName ?? options.title).slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: TEMPLATE_HEADER_ROW }],
  });
  const n = Math.max(1, columns.length);
  const rows = options.validationRows ?? 1000;
  const firstData = TEMPLATE_EXAMPLE_ROW;
  const lastData = firstData + rows - 1;

  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(12, displayWidth(c.header) + 4);
    if (c.format === 'text') col.numFmt = '@';
    if (c.format === 'date') col.numFmt = 'yyyy-mm-dd';
  });

  const title = ws.getCell(1, 1);
  title.value = options.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(1).height = 28;

  const notes = [
    '带 * 的列为必填；表头文字请勿修改，列的顺序可以调整。',
    `第 ${TEMPLATE_EXAMPLE_ROW} 行为示例（以“${EXAMPLE_ROW_MARK}”开头），导入时自动跳过，可以删除。`,
    '日期填写如 2025-07-11；鼠标停在表头上可查看每列的填写说明。',
    '文件须为 .xlsx，不超过 20 MB、200,000 行。',
    ...(options.instructions ?? []),
  ];
  const noteCell = ws.getCell(2, 1);
  noteCell.value = `填写说明：\n${notes.map((t, i) => `${i + 1}. ${t}`).join('\n')}`;
  noteCell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
  noteCell.font = { size: 10, color: { argb: 'FF595959' } };
  ws.getRow(2).height = Math.max(60, 15 * (notes.length + 1));
  if (n > 1) {
    ws.mergeCells(1, 1, 1, n);
    ws.mergeCells(2, 1, 2, n);
  }

  let optionsSheet: ExcelJS.Worksheet | undefined;
  columns.forEach((c, i) => {
    const cell = ws.getCell(TEMPLATE_HEADER_ROW, i + 1);
    cell.value = c.required
      ? {
          richText: [
            { text: '*', font: { bold: true, color: { argb: 'FFFF0000' } } },
            { text: c.header, font: { bold: true } },
          ],
        }
      : c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFE7EEF7' },
    };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C8' } } };
    cell.note = `${c.required ? '必填。' : '选填。'}${c.note}${c.enumLabels?.length ? `\n可选：${c.enumLabels.join('、')}` : ''}`;

    if (c.enumLabels?.length) {
      const inline = `"${c.enumLabels.join(',')}"`;
      let formula = inline;
      // labels with commas or quotes, or a long list, must come from cells instead
      if (inline.length > INLINE_LIST_MAX || c.enumLabels.some((l) => /[,"]/.test(l))) {
        optionsSheet ??= wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
        c.enumLabels.forEach((label, r) => (optionsSheet!.getCell(r + 1, i + 1).value = label));
        const letter = ws.getColumn(i + 1).letter;
        formula = `'${OPTIONS_SHEET}'!$${letter}$1:$${letter}$${c.enumLabels.length}`;
      }
      const letter = ws.getColumn(i + 1).letter;
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}${firstData}:${letter}${lastData}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '请从下拉列表中选择',
        error: `请选择：${c.enumLabels.join('、')}`.slice(0, 255),
      });
    }
  });
  ws.getRow(TEMPLATE_HEADER_ROW).height = 22;

  if (columns.some((c) => c.example !== undefined)) {
    columns.forEach((c, i) => {
      if (c.example === undefined) return;
      const cell = ws.getCell(TEMPLATE_EXAMPLE_ROW, i + 1);
      cell.value = i === 0 && typeof c.example === 'string' ? `${EXAMPLE_ROW_MARK}${c.example}` : c.example;
      cell.font = { italic: true, color: { argb: 'FF808080' } };
    });
    // the mark must be on a string cell the reader sees; fall back to column 1 if its example is not text
    const first = ws.getCell(TEMPLATE_EXAMPLE_ROW, 1);
    if (typeof first.value !== 'string' || !first.value.startsWith(EXAMPLE_ROW_MARK)) {
      first.value = `${EXAMPLE_ROW_MARK}${first.value === null ? '' : String(first.value)}`;
    }
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
