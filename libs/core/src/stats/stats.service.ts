import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { notFound } from '../common/http-errors';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from '../events/event.entity';
import { servedWhere } from '../served/served-enterprises';
import { StatsCache } from './stats-cache';
import {
  addDays,
  monthLabel,
  monthsOf,
  Period,
  PeriodQuery,
  previousYearOf,
  resolvePeriod,
} from './stats-period';

export interface StatsQuery extends PeriodQuery {
  clusterId?: string;
  associationId?: string;
}

/** The figures of one slice (the province, an association, a cluster, a month or an event type). */
export interface StatsFigures {
  eventsHeld: number;
  visits: number;
  participants: number;
  enterprisesServed: number;
  meetings: number;
  recommendations: number;
  intents: number;
  intentAmountWan: number;
  signed: number;
  signedAmountWan: number;
  landed: number;
  dropped: number;
}

/** 推荐 → 联系 → 洽谈 → 意向 → 签约 → 落地. */
export interface StatsConversion {
  recommended: number;
  contacted: number;
  met: number;
  intent: number;
  signed: number;
  landed: number;
}

export interface StatsOverview extends StatsFigures {
  conversion: StatsConversion;
  previousYear: (StatsFigures & { conversion: StatsConversion }) | null;
}

export interface StatsItem extends StatsFigures {
  key: string;
  label: string;
}

export interface StatsAttention {
  clustersWithoutLead: { id: string; code: string; name: string }[];
  idleAssociations: { id: string; name: string; lastEventDate: string | null }[];
  unclosedEvents: {
    id: string;
    title: string;
    associationId: string;
    associationName: string;
    endDate: string;
  }[];
  stuckIntents: { id: string; title: string; enterpriseName: string; reachedOn: string }[];
}

/** The filter a statistic is computed with, after scoping: a period plus at most one association and cluster. */
export interface StatsFilter extends Period {
  associationId?: string;
  clusterId?: string;
}

export type StatsDimension = 'all' | 'association' | 'cluster' | 'month' | 'type';

export const STATS_FIGURE_LABELS: Record<keyof StatsFigures, string> = {
  eventsHeld: '举办活动数',
  visits: '参观人次',
  participants: '参会企业人次',
  enterprisesServed: '服务企业数',
  meetings: '洽谈场次',
  recommendations: '匹配推荐数',
  intents: '合作意向数',
  intentAmountWan: '意向金额（万元）',
  signed: '签约数',
  signedAmountWan: '签约金额（万元）',
  landed: '落地数',
  dropped: '终止数',
};
export const STATS_FIGURE_KEYS = Object.keys(STATS_FIGURE_LABELS) as (keyof StatsFigures)[];

/** Days after which the attention list flags things. */
export const ATTENTION_DAYS = { idleAssociation: 90, unclosedEvent: 30, stuckIntent: 180 } as const;

const zeroFigures = (): StatsFigures => ({
  eventsHeld: 0,
  visits: 0,
  participants: 0,
  enterprisesServed: 0,
  meetings: 0,
  recommendations: 0,
  intents: 0,
  intentAmountWan: 0,
  signed: 0,
  signedAmountWan: 0,
  landed: 0,
  dropped: 0,
});

/** Numbered SQL parameters. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const money = (v: string | number | null): number => Math.round(Number(v ?? 0) * 100) / 100;
const int = (v: string | number | null): number => Number(v ?? 0);

interface Computed {
  figures: Map<string, StatsFigures>;
  contacted: Map<string, number>;
  met: Map<string, number>;
}

/**
 * The department's statistics. What counts where (api-contract, Statistics): an event counts for its organising
 * association, its clusters and the month of its start date once it is held or closed; intents count by their own
 * stage dates, for their event's association or the lead association of the cluster they name; enterprises
 * served come from the view `served_contacts`, counted distinct at every level. Results are cached per filter
 * while the data version is unchanged (see StatsCache).
 */
@Injectable()
export class StatsService {
  readonly cache: StatsCache;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.cache = new StatsCache(db);
  }

  /** The filters in words (年份, 统计期间, 协会, 集群) for an Excel download. */
  describe(filter: StatsFilter, year?: number) {
    return describeStatsFilter(this.db, filter, year);
  }

  /** Association staff see their own association only (another one reads as missing); others as asked. */
  async scope(caller: Caller, query: StatsQuery, today: string = chinaToday()): Promise<StatsFilter> {
    const period = resolvePeriod(query, today);
    let associationId = query.associationId;
    if (caller.role === 'association_staff') {
      if (associationId && associationId !== caller.associationId) throw notFound('association');
      associationId = caller.associationId ?? undefined;
      if (!associationId) throw notFound('association');
    } else if (!isDepartment(caller) && caller.role !== 'reviewer') {
      throw new ForbiddenException();
    }
    if (associationId && query.associationId)
      await this.mustExist('associations', associationId, 'association');
    if (query.clusterId) await this.mustExist('clusters', query.clusterId, 'cluster');
    return {
      ...period,
      ...(associationId ? { associationId } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
    };
  }

  async overview(caller: Caller, query: StatsQuery, today: string = chinaToday()): Promise<StatsOverview> {
    const filter = await this.scope(caller, query, today);
    return this.cache.get(`overview:${JSON.stringify(filter)}:${query.year ?? ''}`, async () => {
      const current = await this.totals(filter);
      let previousYear: StatsOverview['previousYear'] = null;
      if (query.year !== undefined) {
        const prev = await this.totals({ ...filter, ...previousYearOf(filter) });
        const hasData = STATS_FIGURE_KEYS.some((k) => prev[k] !== 0);
        if (hasData) previousYear = prev;
      }
      return { ...current, previousYear };
    });
  }

  async byAssociation(caller: Caller, query: StatsQuery): Promise<{ items: StatsItem[] }> {
    const filter = await this.scope(caller, query);
    return this.cache.get(`association:${JSON.stringify(filter)}`, async () => {
      const rows: { id: string; name: string }[] = await this.db.query(
        `SELECT id, name FROM associations ${filter.associationId ? 'WHERE id = $1' : ''} ORDER BY name, id`,
        filter.associationId ? [filter.associationId] : [],
      );
      const data = await this.compute('association', filter);
      return {
        items: rows.map((r) => ({ key: r.id, label: r.name, ...(data.figures.get(r.id) ?? zeroFigures()) })),
      };
    });
  }

  async byCluster(caller: Caller, query: StatsQuery): Promise<{ items: StatsItem[] }> {
    const filter = await this.scope(caller, query);
    return this.cache.get(`cluster:${JSON.stringify(filter)}`, async () => {
      const rows: { id: string; name: string }[] = await this.db.query(
        `SELECT id, name FROM clusters ${filter.clusterId ? 'WHERE id = $1' : ''} ORDER BY code, id`,
        filter.clusterId ? [filter.clusterId] : [],
      );
      const data = await this.compute('cluster', filter);
      return {
        items: rows.map((r) => ({ key: r.id, label: r.name, ...(data.figures.get(r.id) ?? zeroFigures()) })),
      };
    });
  }

  async byMonth(caller: Caller, query: StatsQuery): Promise<{ items: StatsItem[] }> {
    const filter = await this.scope(caller, query);
    return this.cache.get(`month:${JSON.stringify(filter)}`, async () => {
      const data = await this.compute('month', filter);
      return {
        items: monthsOf(filter).map((m) => ({
          key: m,
          label: monthLabel(m),
          ...(data.figures.get(m) ?? zeroFigures()),
        })),
      };
    });
  }

  async byEventType(caller: Caller, query: StatsQuery): Promise<{ items: StatsItem[] }> {
    const filter = await this.scope(caller, query);
    return this.cache.get(`type:${JSON.stringify(filter)}`, async () => {
      const data = await this.compute('type', filter);
      return {
        items: EVENT_TYPES.map((t) => ({
          key: t,
          label: EVENT_TYPE_LABELS[t],
          ...(data.figures.get(t) ?? zeroFigures()),
        })),
      };
    });
  }

  /** Figures and conversion of the whole filter (one slice). */
  async totals(filter: StatsFilter): Promise<StatsFigures & { conversion: StatsConversion }> {
    const data = await this.compute('all', filter);
    const f = data.figures.get('') ?? zeroFigures();
    return {
      ...f,
      conversion: {
        recommended: f.recommendations,
        contacted: data.contacted.get('') ?? 0,
        met: data.met.get('') ?? 0,
        intent: f.intents,
        signed: f.signed,
        landed: f.landed,
      },
    };
  }

  async attention(today: string = chinaToday()): Promise<StatsAttention> {
    return this.cache.get(`attention:${today}`, async () => {
      const [clustersWithoutLead, idleAssociations, unclosedEvents, stuckIntents] = await Promise.all([
        this.db.query(
          `SELECT c.id, c.code, c.name FROM clusters c
            WHERE NOT EXISTS (SELECT 1 FROM association_lead_clusters l WHERE l.cluster_id = c.id)
            ORDER BY c.code, c.id`,
        ),
        this.db.query(
          `SELECT a.id, a.name,
                  (SELECT to_char(max(e.start_date), 'YYYY-MM-DD') FROM events e
                    WHERE e.association_id = a.id AND e.status <> 'cancelled') AS "lastEventDate"
             FROM associations a
            WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.association_id = a.id
                                 AND e.status IN ('planned','open','held','closed') AND e.start_date >= $1)
            ORDER BY a.name, a.id`,
          [addDays(today, -ATTENTION_DAYS.idleAssociation)],
        ),
        this.db.query(
          `SELECT e.id, e.title, e.association_id AS "associationId", a.name AS "associationName",
                  to_char(e.end_date, 'YYYY-MM-DD') AS "endDate"
             FROM events e JOIN associations a ON a.id = e.association_id
            WHERE e.status = 'held' AND e.end_date < $1
            ORDER BY e.end_date, e.id`,
          [addDays(today, -ATTENTION_DAYS.unclosedEvent)],
        ),
        this.db.query(
          `SELECT i.id, i.title, en.name AS "enterpriseName", to_char(i.reached_on, 'YYYY-MM-DD') AS "reachedOn"
             FROM intents i JOIN enterprises en ON en.id = i.enterprise_id
            WHERE i.stage = 'intent' AND i.reached_on < $1
            ORDER BY i.reached_on, i.id`,
          [addDays(today, -ATTENTION_DAYS.stuckIntent)],
        ),
      ]);
      return { clustersWithoutLead, idleAssociations, unclosedEvents, stuckIntents } as StatsAttention;
    });
  }

  private async mustExist(table: 'associations' | 'clusters', id: string, what: string): Promise<void> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    if (!rows.length) throw notFound(what);
  }

  /** Every figure of a filter, grouped by `dim` (`all`: one group with key ''). Four queries, run concurrently. */
  async compute(dim: StatsDimension, filter: StatsFilter): Promise<Computed> {
    const [events, intents, recommendations, served] = await Promise.all([
      this.eventFigures(dim, filter),
      this.intentFigures(dim, filter),
      dim === 'type' ? Promise.resolve([]) : this.recommendationFigures(dim, filter),
      this.servedFigures(dim, filter),
    ]);
    const figures = new Map<string, StatsFigures>();
    const of = (key: string | null): StatsFigures => {
      const k = key ?? '';
      let f = figures.get(k);
      if (!f) figures.set(k, (f = zeroFigures()));
      return f;
    };
    for (const r of events) {
      const f = of(r.key);
      f.eventsHeld = int(r.events_held);
      f.visits = int(r.visits);
      f.participants = int(r.participants);
      f.meetings = int(r.meetings);
    }
    for (const r of intents) {
      const f = of(r.key);
      f.intents = int(r.intents);
      f.intentAmountWan = money(r.intent_amount);
      f.dropped = int(r.dropped);
      f.signed = int(r.signed);
      f.signedAmountWan = money(r.signed_amount);
      f.landed = int(r.landed);
    }
    const contacted = new Map<string, number>();
    const met = new Map<string, number>();
    for (const r of recommendations) {
      of(r.key).recommendations = int(r.recommendations);
      contacted.set(r.key ?? '', int(r.contacted));
      met.set(r.key ?? '', int(r.met));
    }
    for (const r of served) of(r.key).enterprisesServed = int(r.served);
    return { figures, contacted, met };
  }

  private eventFigures(dim: StatsDimension, filter: StatsFilter) {
    const p = new Params();
    const where = [
      `e.status IN ('held','closed')`,
      `e.start_date BETWEEN ${p.add(filter.from)} AND ${p.add(filter.to)}`,
    ];
    if (filter.associationId) where.push(`e.association_id = ${p.add(filter.associationId)}`);
    let join = '';
    if (dim === 'cluster') {
      join = `JOIN event_clusters ec ON ec.event_id = e.id`;
      if (filter.clusterId) where.push(`ec.cluster_id = ${p.add(filter.clusterId)}`);
    } else if (filter.clusterId) {
      where.push(
        `EXISTS (SELECT 1 FROM event_clusters fc WHERE fc.event_id = e.id AND fc.cluster_id = ${p.add(filter.clusterId)})`,
      );
    }
    const key = {
      all: `''`,
      association: 'e.association_id::text',
      cluster: 'ec.cluster_id::text',
      month: `to_char(e.start_date, 'YYYY-MM')`,
      type: 'e.type::text',
    }[dim];
    return this.db.query(
      `SELECT ${key} AS key, count(*) AS events_held, coalesce(sum(e.visits), 0) AS visits,
              coalesce(sum(pc.n), 0) AS participants, coalesce(sum(mc.n), 0) AS meetings
         FROM events e ${join}
         CROSS JOIN LATERAL (SELECT count(*) AS n FROM event_participants p WHERE p.event_id = e.id) pc
         CROSS JOIN LATERAL (SELECT count(*) AS n FROM meetings m
                              WHERE m.event_id = e.id AND m.status NOT IN ('cancelled','no_show')) mc
        WHERE ${where.join(' AND ')}
        GROUP BY 1`,
      p.values,
    ) as Promise<
      { key: string; events_held: string; visits: string; participants: string; meetings: string }[]
    >;
  }

  private intentFigures(dim: StatsDimension, filter: StatsFilter) {
    const p = new Params();
    const from = p.add(filter.from);
    const to = p.add(filter.to);
    const where = [
      `(i.reached_on BETWEEN ${from} AND ${to} OR i.signed_on BETWEEN ${from} AND ${to}
        OR i.landed_on BETWEEN ${from} AND ${to})`,
      `f.on_date BETWEEN ${from} AND ${to}`,
    ];
    // the association an intent counts for: its event's, or the lead association of the cluster it names
    if (filter.associationId) {
      where.push(`COALESCE(ev.association_id, lead.association_id) = ${p.add(filter.associationId)}`);
    }
    // the clusters it counts for: the one it names, or else its event's
    let join = '';
    if (dim === 'cluster') {
      join = `JOIN LATERAL (SELECT i.cluster_id AS cluster_id WHERE i.cluster_id IS NOT NULL
                            UNION ALL
                            SELECT ec.cluster_id FROM event_clusters ec
                             WHERE ec.event_id = i.event_id AND i.cluster_id IS NULL) ic ON true`;
      if (filter.clusterId) where.push(`ic.cluster_id = ${p.add(filter.clusterId)}`);
    } else if (filter.clusterId) {
      const c = p.add(filter.clusterId);
      where.push(`(i.cluster_id = ${c} OR (i.cluster_id IS NULL AND EXISTS (SELECT 1 FROM event_clusters fc
                     WHERE fc.event_id = i.event_id AND fc.cluster_id = ${c})))`);
    }
    const key = {
      all: `''`,
      association: 'COALESCE(ev.association_id, lead.association_id)::text',
      cluster: 'ic.cluster_id::text',
      month: `to_char(f.on_date, 'YYYY-MM')`,
      type: 'ev.type::text',
    }[dim];
    return this.db.query(
      `SELECT ${key} AS key,
              count(*) FILTER (WHERE f.kind = 'reached') AS intents,
              coalesce(sum(i.amount_wan) FILTER (WHERE f.kind = 'reached'), 0) AS intent_amount,
              count(*) FILTER (WHERE f.kind = 'reached' AND i.stage = 'dropped') AS dropped,
              count(*) FILTER (WHERE f.kind = 'signed') AS signed,
              coalesce(sum(i.amount_wan) FILTER (WHERE f.kind = 'signed'), 0) AS signed_amount,
              count(*) FILTER (WHERE f.kind = 'landed') AS landed
         FROM intents i
         CROSS JOIN LATERAL (VALUES ('reached', i.reached_on), ('signed', i.signed_on), ('landed', i.landed_on))
              AS f(kind, on_date)
         LEFT JOIN events ev ON ev.id = i.event_id
         LEFT JOIN association_lead_clusters lead ON lead.cluster_id = i.cluster_id AND i.event_id IS NULL
         ${join}
        WHERE ${where.join(' AND ')}
        GROUP BY 1`,
      p.values,
    ) as Promise<
      {
        key: string | null;
        intents: string;
        intent_amount: string;
        dropped: string;
        signed: string;
        signed_amount: string;
        landed: string;
      }[]
    >;
  }

  /**
   * Recommendations made in the period (China date of creation). They count for the associations either party is
   * a current member of, and for the clusters of either posting; an event type has none.
   */
  private recommendationFigures(dim: StatsDimension, filter: StatsFilter) {
    const p = new Params();
    const where = [
      `r.created_at >= (${p.add(filter.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      `r.created_at < ((${p.add(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
    ];
    let join = '';
    if (dim === 'association') {
      join = `JOIN LATERAL (SELECT DISTINCT ms.association_id FROM memberships ms WHERE ms.left_on IS NULL
                              AND ms.enterprise_id IN (r.demand_enterprise_id, r.supply_enterprise_id)) ra ON true`;
      if (filter.associationId) where.push(`ra.association_id = ${p.add(filter.associationId)}`);
    } else if (filter.associationId) {
      where.push(`EXISTS (SELECT 1 FROM memberships fm WHERE fm.association_id = ${p.add(filter.associationId)}
                     AND fm.left_on IS NULL AND fm.enterprise_id IN (r.demand_enterprise_id, r.supply_enterprise_id))`);
    }
    if (dim === 'cluster') {
      join += ` JOIN LATERAL (SELECT DISTINCT po.cluster_id FROM postings po
                               WHERE po.id IN (r.demand_posting_id, r.supply_posting_id) AND po.cluster_id IS NOT NULL) rc ON true`;
      if (filter.clusterId) where.push(`rc.cluster_id = ${p.add(filter.clusterId)}`);
    } else if (filter.clusterId) {
      where.push(`EXISTS (SELECT 1 FROM postings fp WHERE fp.id IN (r.demand_posting_id, r.supply_posting_id)
                     AND fp.cluster_id = ${p.add(filter.clusterId)})`);
    }
    const key = {
      all: `''`,
      association: 'ra.association_id::text',
      cluster: 'rc.cluster_id::text',
      month: `to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
      type: `''`,
    }[dim];
    return this.db.query(
      `SELECT ${key} AS key, count(*) AS recommendations,
              count(*) FILTER (WHERE r.status IN ('contacted','meeting','intent')) AS contacted,
              count(*) FILTER (WHERE r.status IN ('meeting','intent')) AS met
         FROM recommendations r ${join}
        WHERE ${where.join(' AND ')}
        GROUP BY 1`,
      p.values,
    ) as Promise<{ key: string | null; recommendations: string; contacted: string; met: string }[]>;
  }

  /** Enterprises served: distinct credit codes of `served_contacts`, per group, never summed. */
  private servedFigures(dim: StatsDimension, filter: StatsFilter) {
    const w = servedWhere({
      from: filter.from,
      to: filter.to,
      associationId: filter.associationId,
      clusterId: filter.clusterId,
    });
    const key = {
      all: `''`,
      association: 's.association_id::text',
      cluster: 's.cluster_id::text',
      month: `to_char(s.served_on, 'YYYY-MM')`,
      type: 'ev.type::text',
    }[dim];
    const join = dim === 'type' ? 'JOIN events ev ON ev.id = s.event_id' : '';
    return this.db.query(
      `SELECT ${key} AS key, count(DISTINCT s.credit_code) AS served
         FROM served_contacts s ${join}
        WHERE ${w.sql}
        GROUP BY 1`,
      w.params,
    ) as Promise<{ key: string | null; served: string }[]>;
  }
}

/** The filters of a statistic in words, for the top of its Excel download. */
export async function describeStatsFilter(
  db: DataSource,
  filter: StatsFilter,
  year?: number,
): Promise<{ label: string; value: string | number | null }[]> {
  const name = async (table: 'associations' | 'clusters', id?: string): Promise<string | null> => {
    if (!id) return null;
    const rows: { name: string }[] = await db.query(`SELECT name FROM ${table} WHERE id = $1`, [id]);
    return rows[0]?.name ?? id;
  };
  return [
    { label: '年份', value: year ?? null },
    { label: '统计期间', value: `${filter.from} 至 ${filter.to}` },
    { label: '协会', value: await name('associations', filter.associationId) },
    { label: '集群', value: await name('clusters', filter.clusterId) },
  ];
}
