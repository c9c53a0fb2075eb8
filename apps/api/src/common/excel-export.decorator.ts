import { SetMetadata } from '@nestjs/common';
import type { ExportColumn } from '@app/core';

export const EXCEL_EXPORT_KEY = 'clusterlink:excel-export';

/** How a list or statistic route renders as .xlsx: the sheet title and the columns, in Chinese. */
export interface ExcelExportSpec {
  title: string;
  // Rows are the route's own JSON items; each spec types its columns against them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: readonly ExportColumn<any>[];
}

/**
 * Marks a route as downloadable: sent with `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`
 * it answers the same rows (all of them, not one page) as an .xlsx with the filters written on top.
 */
export const ExcelExport = (spec: ExcelExportSpec) => SetMetadata(EXCEL_EXPORT_KEY, spec);
