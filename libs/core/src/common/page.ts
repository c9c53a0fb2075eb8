export interface PageQuery {
  page: number;
  pageSize: number;
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const offsetOf = (query: PageQuery): number => (query.page - 1) * query.pageSize;

/** Escapes LIKE wildcards so that a search for "50%" finds "50%", not everything. */
export const likePattern = (text: string): string => `%${text.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
