import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * "Enterprises served" (服务企业), one definition: the distinct credit codes in the view `served_contacts`
 * (participants of held or closed events, parties to held meetings, parties to intents) in a period, counted
 * distinct at whatever level is asked — never summed from the level below.
 */
export interface ServedFilter {
  from?: string;
  to?: string;
  associationId?: string;
  clusterId?: string;
  eventId?: string;
}

/** The WHERE clause over `served_contacts` (alias `s`) for a filter, with numbered parameters. */
export function servedWhere(filter: ServedFilter, firstParam = 1): { sql: string; params: unknown[] } {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (column: string, op: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`s.${column} ${op} $${firstParam + params.length - 1}`);
  };
  add('served_on', '>=', filter.from);
  add('served_on', '<=', filter.to);
  add('association_id', '=', filter.associationId);
  add('cluster_id', '=', filter.clusterId);
  add('event_id', '=', filter.eventId);
  return { sql: where.join(' AND '), params };
}

@Injectable()
export class ServedEnterprises {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async count(filter: ServedFilter): Promise<number> {
    const where = servedWhere(filter);
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(DISTINCT s.credit_code)::int AS n FROM served_contacts s WHERE ${where.sql}`,
      where.params,
    );
    return row.n;
  }

  /** Distinct counts per association (by the association each contact counts for), in one query. */
  async countByAssociation(filter: Omit<ServedFilter, 'associationId'>): Promise<Map<string, number>> {
    const where = servedWhere(filter);
    const rows: { association_id: string; n: number }[] = await this.db.query(
      `SELECT s.association_id, count(DISTINCT s.credit_code)::int AS n FROM served_contacts s
        WHERE ${where.sql} AND s.association_id IS NOT NULL GROUP BY s.association_id`,
      where.params,
    );
    return new Map(rows.map((r) => [r.association_id, r.n]));
  }
}
