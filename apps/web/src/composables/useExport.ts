import { api } from '@/api/client';
import type { ExportJob, ExportList } from '@/api/types';
import type { Filters } from './usePagedTable';

/** Lists longer than this are exported in the background (download centre) instead of downloaded at once. */
export const BACKGROUND_EXPORT_ROWS = 5000;

/** The list's filters as an export query: no paging, no empty values (the API validates each filter). */
export function exportQuery(query: Filters | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (key === 'page' || key === 'pageSize') continue;
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out;
}

/** Queues a background export of a list with its current filters. */
export function queueExport(
  list: ExportList,
  query: Filters | undefined,
): Promise<Pick<ExportJob, 'id' | 'status' | 'rows'>> {
  return api.post<Pick<ExportJob, 'id' | 'status' | 'rows'>>('/exports', { list, query: exportQuery(query) });
}
