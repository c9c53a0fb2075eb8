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
  if (raw.length > 0) return [entities, Number(raw[0].page_total)];
  return [entities, offsetOf(query) > 0 ? await qb.getCount() : 0];
}
