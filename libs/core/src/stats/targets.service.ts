import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { expectedByToday, yearElapsed } from './stats-period';
import { StatsService } from './stats.service';
import { TargetEntity } from './target.entity';

export interface TargetFigures {
  events: number;
  enterprisesServed: number;
  intents: number;
}

export interface TargetView {
  year: number;
  /** null while the department has set no target for the year */
  events: number | null;
  enterprisesServed: number | null;
  intents: number | null;
  /** events held, enterprises served and intents reached in the year, province-wide */
  actual: TargetFigures;
  /** target × share of the year elapsed by today (China date); null without a target */
  expectedByToday: { events: number | null; enterprisesServed: number | null; intents: number | null };
  /** the share of the year elapsed by today, 0–1 */
  yearElapsed: number;
  updatedAt: Date | null;
}

@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stats: StatsService,
    private readonly audit: AuditService,
  ) {}

  async get(year: number, today: string = chinaToday()): Promise<TargetView> {
    const target = await this.db.manager.findOne(TargetEntity, { where: { year } });
    return this.view(year, target, today);
  }

  /** Sets a year's targets; the write and its audit row commit together. */
  async put(
    caller: Caller,
    year: number,
    body: TargetFigures,
    today: string = chinaToday(),
  ): Promise<TargetView> {
    const saved = await this.db.transaction(async (m) => {
      const before = await m.findOne(TargetEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
      const [row]: TargetEntity[] = await m.query(
        `INSERT INTO targets (year, events, enterprises_served, intents, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (year) DO UPDATE SET events = EXCLUDED.events,
           enterprises_served = EXCLUDED.enterprises_served, intents = EXCLUDED.intents,
           updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING year`,
        [year, body.events, body.enterprisesServed, body.intents, caller.userId],
      );
      const after = await m.findOneOrFail(TargetEntity, { where: { year: row.year } });
      await this.audit.record(m, caller, before ? 'update' : 'create', 'target', String(year), before, after);
      return after;
    });
    return this.view(year, saved, today);
  }

  private async view(year: number, target: TargetEntity | null, today: string): Promise<TargetView> {
    const totals = await this.stats.totals({ from: `${year}-01-01`, to: `${year}-12-31` });
    const expected = (n: number | undefined) => (n === undefined ? null : expectedByToday(n, year, today));
    return {
      year,
      events: target?.events ?? null,
      enterprisesServed: target?.enterprisesServed ?? null,
      intents: target?.intents ?? null,
      actual: {
        events: totals.eventsHeld,
        enterprisesServed: totals.enterprisesServed,
        intents: totals.intents,
      },
      expectedByToday: {
        events: expected(target?.events),
        enterprisesServed: expected(target?.enterprisesServed),
        intents: expected(target?.intents),
      },
      yearElapsed: Math.round(yearElapsed(year, today) * 10000) / 10000,
      updatedAt: target?.updatedAt ?? null,
    };
  }
}
