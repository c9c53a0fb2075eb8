import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MatchRunCounts, MatchRunEntity } from '../matching/match-run.entity';
import {
  MatchRunExecutor,
  type MatchRunScopeHandler,
  type ProgressReporter,
} from '../matching/match-run.executor';
import { MatchTokenizer } from '../matching/match-tokenizer';
import { matchEventParticipants } from './event-matcher';
import { KEPT_ON_RESCHEDULE } from './event-rules';
import type { TimeRange } from './event-participant.entity';
import { scheduleMeetings, type CandidatePair, type FixedMeeting } from './meeting-scheduler';

/** What a schedule request asks for, stored on the run so a retried job plans the same. */
export interface ScheduleParams {
  slots: TimeRange[];
  tables: number;
  maxMeetingsPerEnterprise: number;
}

/**
 * Runs of scope `event`: match the participants among themselves and, for schedule runs, plan the meetings.
 * Everything happens in one transaction under a per-event lock, so two schedule runs never interleave and a
 * retried run replaces exactly what it wrote.
 */
@Injectable()
export class EventRunHandler implements MatchRunScopeHandler, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly executor: MatchRunExecutor,
    private readonly words: MatchTokenizer,
  ) {}

  onModuleInit(): void {
    this.executor.registerScopeHandler('event', this);
  }

  async run(run: MatchRunEntity, progress: ProgressReporter): Promise<MatchRunCounts> {
    const eventId = run.eventId!;
    const counts = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('event-run:' || $1))`, [eventId]);
      const matched = await matchEventParticipants(m, eventId, this.words.tokenizer);
      const base: MatchRunCounts = { queries: matched.postings, recommendations: matched.pairs };
      if (run.purpose !== 'schedule') return base;
      return { ...base, ...(await this.plan(m, run.id, eventId, run.params as unknown as ScheduleParams)) };
    });
    await progress(90);
    return counts;
  }

  private async plan(
    m: EntityManager,
    runId: string,
    eventId: string,
    params: ScheduleParams,
  ): Promise<Pick<MatchRunCounts, 'meetings' | 'kept' | 'unplaced'>> {
    const kept: FixedMeeting[] = (
      await m.query(
        `SELECT slot_start, slot_end, table_no, demand_enterprise_id, supply_enterprise_id, recommendation_id
           FROM meetings WHERE event_id = $1 AND status = ANY($2)`,
        [eventId, KEPT_ON_RESCHEDULE],
      )
    ).map((r: Record<string, unknown>) => ({
      slot: { start: (r.slot_start as Date).toISOString(), end: (r.slot_end as Date).toISOString() },
      table: r.table_no as number,
      demandEnterpriseId: r.demand_enterprise_id as string,
      supplyEnterpriseId: r.supply_enterprise_id as string,
      ...(r.recommendation_id ? { recommendationId: r.recommendation_id as string } : {}),
    }));
    const unavailable: Record<string, TimeRange[]> = {};
    for (const p of (await m.query(
      `SELECT enterprise_id, unavailable FROM event_participants WHERE event_id = $1`,
      [eventId],
    )) as { enterprise_id: string; unavailable: TimeRange[] }[]) {
      if (p.unavailable.length) unavailable[p.enterprise_id] = p.unavailable;
    }
    const candidates = await this.candidates(m, eventId);
    const scoreOf = new Map(
      candidates.map((c) => [`${c.demandEnterpriseId}|${c.supplyEnterpriseId}`, c.score]),
    );
    const result = scheduleMeetings({
      slots: params.slots,
      tables: params.tables,
      candidates,
      fixed: kept,
      maxMeetingsPerEnterprise: params.maxMeetingsPerEnterprise,
      unavailable,
    });
    // Unconfirmed meetings of an earlier plan are replaced; confirmed and recorded ones stay as they are.
    await m.query(`DELETE FROM meetings WHERE event_id = $1 AND status = 'scheduled'`, [eventId]);
    const planned = result.meetings.filter((p) => !p.fixed);
    if (planned.length) {
      await m.query(
        `INSERT INTO meetings (event_id, slot_start, slot_end, table_no, demand_enterprise_id, supply_enterprise_id,
                               recommendation_id, score, run_id)
         SELECT $1, t.ss, t.se, t.tn, t.d, t.s, t.r, t.sc, $2
           FROM unnest($3::timestamptz[], $4::timestamptz[], $5::int[], $6::uuid[], $7::uuid[], $8::uuid[],
                       $9::float8[]) AS t(ss, se, tn, d, s, r, sc)`,
        [
          eventId,
          runId,
          planned.map((p) => p.slot.start),
          planned.map((p) => p.slot.end),
          planned.map((p) => p.table),
          planned.map((p) => p.demandEnterpriseId),
          planned.map((p) => p.supplyEnterpriseId),
          planned.map((p) => p.recommendationId ?? null),
          planned.map((p) => scoreOf.get(`${p.demandEnterpriseId}|${p.supplyEnterpriseId}`) ?? null),
        ],
      );
    }
    return { meetings: planned.length, kept: kept.length, unplaced: result.unplaced.length };
  }

  /**
   * One candidate per enterprise pair: its best posting pair among participants, linked to the global
   * recommendation of that posting pair when one exists; pairs someone dismissed are left out.
   */
  private async candidates(m: EntityManager, eventId: string): Promise<CandidatePair[]> {
    const rows: { d: string; s: string; score: number; rec: string | null }[] = await m.query(
      `SELECT DISTINCT ON (c.demand_enterprise_id, c.supply_enterprise_id)
              c.demand_enterprise_id AS d, c.supply_enterprise_id AS s, c.score, r.id AS rec
         FROM event_candidates c
         LEFT JOIN recommendations r ON r.demand_posting_id = c.demand_posting_id
                                    AND r.supply_posting_id = c.supply_posting_id
        WHERE c.event_id = $1 AND c.demand_enterprise_id <> c.supply_enterprise_id
          AND COALESCE(r.status, 'new') <> 'dismissed'
        ORDER BY c.demand_enterprise_id, c.supply_enterprise_id, c.score DESC, c.demand_posting_id, c.supply_posting_id`,
      [eventId],
    );
    return rows.map((r) => ({
      demandEnterpriseId: r.d,
      supplyEnterpriseId: r.s,
      score: r.score,
      ...(r.rec ? { recommendationId: r.rec } : {}),
    }));
  }
}
