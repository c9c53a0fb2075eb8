import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { notFound } from '../common/http-errors';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from '../events/event.entity';
import { StatsCache } from './stats-cache';
import { drainShortRecommendationQueue, statsRows } from './stats-rows';
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
    // The rollup makes every uncached read fast (tens of ms at D1 size), so the cache is off: a cached answer
    // could lag a committed change by the statistics collector's delay. Kept for callers that turn it on.
    this.cache.enabled = false;
    this.attentionCache = new StatsCache(db);
  }

  /** The attention lists are not in the rollup (~0.1–0.2 s at D1 size): they stay behind the data-version cache. */
  readonly attentionCache: StatsCache;

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
    return this.attentionCache.get(`attention:${today}`, async () => {
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

  /**
   * Every figure of a filter, grouped by `dim` (`all`: one group with key ''), from the rollup (migration
   * 1764350000000-stats-rollup): whole calendar years and months are read from `stats_counts`; days at the edges
   * of a period come from `stats_facts`. Enterprises served are distinct, so they are read from one counter only
   * when the slice is exactly one year or one month, and otherwise counted distinct over `stats_facts` (kind S,
   * which is `served_contacts` deduplicated), never summed.
   */
  async compute(dim: StatsDimension, filter: StatsFilter): Promise<Computed> {
    await drainShortRecommendationQueue(this.db);
    const rows = await statsRows(this.db, dim, filter);
    const figures = new Map<string, StatsFigures>();
    const contacted = new Map<string, number>();
    const met = new Map<string, number>();
    const of = (key: string | null): StatsFigures => {
      const k = key ?? '';
      let f = figures.get(k);
      if (!f) figures.set(k, (f = zeroFigures()));
      return f;
    };
    for (const r of rows) {
      if (r.key === null && dim !== 'all') continue;
      const f = of(r.key);
      const n = int(r.n);
      if (r.kind === 'S') f.enterprisesServed += n;
      else if (r.kind === 'E') {
        f.eventsHeld += n;
        f.visits += int(r.v1);
        f.participants += int(r.v2);
        f.meetings += int(r.v3);
      } else if (r.kind === 'R') {
        f.intents += n;
        f.intentAmountWan = money(f.intentAmountWan + Number(r.v1));
        f.dropped += int(r.v2);
      } else if (r.kind === 'G') {
        f.signed += n;
        f.signedAmountWan = money(f.signedAmountWan + Number(r.v1));
      } else if (r.kind === 'L') f.landed += n;
      else if (r.kind === 'C' && dim !== 'type') {
        f.recommendations += n;
        contacted.set(r.key ?? '', (contacted.get(r.key ?? '') ?? 0) + int(r.v2));
        met.set(r.key ?? '', (met.get(r.key ?? '') ?? 0) + int(r.v3));
      }
    }
    return { figures, contacted, met };
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
