/**
 * Reading the statistics rollup: a period cut into whole years, whole months and leftover days, and the rows of
 * every figure of a filter from stats_counts (whole pieces) and stats_facts (the rest).
 */
import { DataSource } from 'typeorm';
import type { StatsDimension, StatsFilter } from './stats.service';
import { addDays, type Period } from './stats-period';

/** Numbered SQL parameters. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface RollupRow {
  kind: string;
  key: string | null;
  n: string;
  v1: string;
  v2: string;
  v3: string;
}

/** A period cut into whole calendar years, whole months and the leftover day ranges at its edges. */
function periodPieces(from: string, to: string, months: boolean) {
  const years: string[] = [];
  const monthStarts: string[] = [];
  const days: Period[] = [];
  let cur = from;
  while (cur <= to) {
    const y = cur.slice(0, 4);
    const monthEnd = addDays(`${shiftMonth(cur.slice(0, 7))}-01`, -1);
    if (!months && cur.endsWith('-01-01') && `${y}-12-31` <= to) {
      years.push(cur);
      cur = `${Number(y) + 1}-01-01`;
    } else if (cur.endsWith('-01') && monthEnd <= to) {
      monthStarts.push(cur);
      cur = addDays(monthEnd, 1);
    } else {
      const end = monthEnd < to ? monthEnd : to;
      days.push({ from: cur, to: end });
      cur = addDays(end, 1);
    }
  }
  return { years, months: monthStarts, days };
}

const shiftMonth = (ym: string): string => {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * Recommendation figures are refreshed off the write path (see the worker's StatsQueueDrainer). A read first
 * refreshes a short queue itself, so one person's change shows at once; after a full re-match (a long queue) the
 * figures catch up in the background instead of making this request wait.
 */
const READ_DRAINS_AT_MOST = 2000;

export async function drainShortRecommendationQueue(db: DataSource): Promise<void> {
  await db.query(`SELECT stats_drain_recommendations($1, $1)`, [READ_DRAINS_AT_MOST]);
}

/** Rows (kind, group key, n, v1–v3) of every figure of a filter, from the rollup tables. */
export async function statsRows(
  db: DataSource,
  dim: StatsDimension,
  filter: StatsFilter,
): Promise<RollupRow[]> {
  const mask =
    (filter.associationId || dim === 'association' ? 1 : 0) |
    (filter.clusterId || dim === 'cluster' ? 2 : 0) |
    (dim === 'type' ? 4 : 0);
  const pieces = periodPieces(filter.from, filter.to, dim === 'month');
  // enterprises served come from a counter only when each group is one whole piece
  const onePiece = pieces.years.length + pieces.months.length + pieces.days.length === 1;
  const servedFromCounts = dim === 'month' || onePiece;
  const queries: Promise<RollupRow[]>[] = [];
  if (pieces.years.length + pieces.months.length) {
    const p = new Params();
    const where = [
      `mask = ${p.add(mask)}`,
      `((grain = 'y' AND period = ANY(${p.add(pieces.years)}::date[]))
        OR (grain = 'm' AND period = ANY(${p.add(pieces.months)}::date[])))`,
    ];
    if (filter.associationId) where.push(`association_id = ${p.add(filter.associationId)}`);
    if (filter.clusterId) where.push(`cluster_id = ${p.add(filter.clusterId)}`);
    if (!servedFromCounts) where.push(`kind <> 'S'`);
    const key = {
      all: `''`,
      association: 'association_id::text',
      cluster: 'cluster_id::text',
      month: `to_char(period, 'YYYY-MM')`,
      type: 'event_type::text',
    }[dim];
    queries.push(
      db.query(
        `SELECT kind, ${key} AS key, sum(n) AS n, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3
           FROM stats_counts WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
        p.values,
      ),
    );
  }
  const fromFacts = (range: Period, kinds: string[]) => {
    const p = new Params();
    const where = [
      `f.kind = ANY(${p.add(kinds)}::char(1)[])`,
      `f.day BETWEEN ${p.add(range.from)} AND ${p.add(range.to)}`,
    ];
    if (filter.associationId) where.push(`f.association_id = ${p.add(filter.associationId)}`);
    if (filter.clusterId) where.push(`f.cluster_id = ${p.add(filter.clusterId)}`);
    const key = {
      all: `''`,
      association: 'f.association_id::text',
      cluster: 'f.cluster_id::text',
      month: `to_char(f.day, 'YYYY-MM')`,
      type: 'f.event_type::text',
    }[dim];
    // a unit counts once per group (an event of two clusters once for the province); its values go with it
    return db.query(
      `SELECT kind, key, count(*) AS n, coalesce(sum(v1), 0) AS v1, coalesce(sum(v2), 0) AS v2,
              coalesce(sum(v3), 0) AS v3
         FROM (SELECT DISTINCT f.kind, f.unit, ${key} AS key, f.v1, f.v2, f.v3
                 FROM stats_facts f WHERE ${where.join(' AND ')}) u
        GROUP BY 1, 2`,
      p.values,
    ) as Promise<RollupRow[]>;
  };
  const additive = ['E', 'R', 'G', 'L', 'C'];
  for (const range of pieces.days)
    queries.push(fromFacts(range, servedFromCounts ? [...additive, 'S'] : additive));
  if (!servedFromCounts) queries.push(fromFacts(filter, ['S']));
  return (await Promise.all(queries)).flat();
}
