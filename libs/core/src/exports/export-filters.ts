import { DataSource } from 'typeorm';
import type { ExportFilter } from '../excel/table-export';

/** Query parameters shown on top of an export, in the order people read them. */
const FILTER_LABELS: Record<string, string> = {
  year: '年份',
  from: '开始日期',
  to: '结束日期',
  clusterId: '集群',
  associationId: '协会',
  eventId: '活动',
  type: '类型',
  kind: '类别',
  category: '分类',
  status: '状态',
  stage: '阶段',
  scale: '规模',
  tier: '层级',
  regionCode: '地区',
  role: '角色',
  entity: '对象',
  minPostings: '最少供需条数',
  q: '关键词',
};

const NAMED: Record<string, { table: string; column: string }> = {
  clusterId: { table: 'clusters', column: 'name' },
  associationId: { table: 'associations', column: 'name' },
  eventId: { table: 'events', column: 'title' },
};

/** The filters a list was exported with, in Chinese, with cluster, association and event ids shown by name. */
export async function describeFilters(
  db: DataSource,
  query: Record<string, unknown>,
): Promise<ExportFilter[]> {
  const out: ExportFilter[] = [];
  for (const [key, label] of Object.entries(FILTER_LABELS)) {
    const value = query[key];
    if (value === undefined || value === null || value === '') continue;
    out.push({ label, value: await nameOf(db, key, String(value)) });
  }
  return out;
}

async function nameOf(db: DataSource, key: string, value: string): Promise<string> {
  const named = NAMED[key];
  if (!named || !/^[0-9a-f-]{36}$/i.test(value)) return value;
  const rows: { name: string }[] = await db.query(
    `SELECT ${named.column} AS name FROM ${named.table} WHERE id = $1`,
    [value],
  );
  return rows[0]?.name ?? value;
}
