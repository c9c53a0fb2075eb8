import { SetMetadata } from '@nestjs/common';
import type { ExcelExportSpec } from '@app/core';

export const EXCEL_EXPORT_KEY = 'clusterlink:excel-export';

export type { ExcelExportSpec };

/**
 * Marks a route as downloadable: sent with `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`
 * it answers the same rows (all of them, not one page) as an .xlsx with the filters written on top.
 */
export const ExcelExport = (spec: ExcelExportSpec) => SetMetadata(EXCEL_EXPORT_KEY, spec);
