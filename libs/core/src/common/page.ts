import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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

/**
 * The rows of a page and the total in one round trip, where `getManyAndCount` takes two: the total rides on every
 * row (`count(*) OVER ()` is computed before the LIMIT). Only a page past the end, with no row to carry it, asks
 * again. For builders without joins: the offset and limit count rows, not entities.
 */
export async function pageRows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: PageQuery,
): Promise<[T[], number]> {
  const { entities, raw } = await qb
    .clone()
    .addSelect('count(*) OVER ()', 'page_total')
    .offset(offsetOf(query))
    .limit(query.pageSize)
    .getRawAndEntities<{ page_total: string }>();
  const carried = raw.length > 0 ? Number(raw[0].page_total) : undefined;
  return [entities, await carriedTotal(carried, query, () => qb.getCount())];
}

/**
 * The total a one-query page carried on its rows (`count(*) OVER ()`); a page past the end has no row to carry
 * it and asks `count`, an empty first page means none.
 */
export async function carriedTotal(
  carried: number | undefined,
  query: PageQuery,
  count: () => Promise<number>,
): Promise<number> {
  if (carried !== undefined) return carried;
  return offsetOf(query) > 0 ? count() : 0;
}
