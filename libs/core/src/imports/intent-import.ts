import { chinaToday } from '@app/match-engine';
import type { DataSource, EntityManager } from 'typeorm';
import type { SheetRow } from '../excel/sheet-reader';
import { assertIntentMove, type IntentMove } from '../intents/intent-rules';
import { INTENT_STAGE_LABELS, type IntentStage } from '../intents/intent.entity';
import type { ImportContext, ImportKindHandler, RowOutcome } from './import-kind';
import { IH } from './import-sheets';
import {
  insertIntents,
  insertTransitions,
  updateIntents,
  type IntentTransitionWrite,
} from './intent-import-store';
import { HEADER_OF, parseIntentRow, type IntentImportRow } from './intent-import-row';

export type { IntentImportRow } from './intent-import-row';

interface StoredIntent {
  id: string;
  enterprise_id: string;
  cp: string;
  title: string;
  reached_on: string;
  stage: IntentStage;
  signed_on: string | null;
  landed_on: string | null;
  dropped_on: string | null;
  amount_wan: number | null;
  currency: string;
  cluster_id: string | null;
  event_id: string | null;
  counterpart_region_code: string | null;
}

const DATE_COLUMN: Record<IntentStage, keyof IntentImportRow & `${string}On`> = {
  intent: 'reachedOn',
  signed: 'signedOn',
  landed: 'landedOn',
  dropped: 'droppedOn',
};

/** The moves from `from` that record the sheet's stages (signed on the way to landed, or before dropped). */
function movesTo(from: IntentStage, row: IntentImportRow): IntentMove[] | null {
  const wanted: IntentMove[] = [];
  if (row.signedOn && from === 'intent') wanted.push('signed');
  if (row.stage === 'landed' && from !== 'landed') wanted.push('landed');
  if (row.stage === 'dropped' && from !== 'dropped') wanted.push('dropped');
  let at = from;
  for (const move of wanted) {
    try {
      assertIntentMove(at, move);
    } catch {
      return null;
    }
    at = move;
  }
  return at === row.stage ? wanted : null;
}

/**
 * The intents sheet (合作意向): keyed by enterprise, counterpart, title and reached date and upserted; stages
 * only move forward (意向 → 签约 → 落地, or 终止), each move recorded in intent_transitions, so a second import
 * of the same file adds nothing. One transaction for the file, serialised by an advisory lock (the natural key
 * has no unique constraint).
 */
export class IntentImport implements ImportKindHandler<IntentImportRow> {
  readonly batchSize = Infinity;
  private clusterIdByCode = new Map<string, string>();
  private readonly seen = new Map<string, number>();
  private readonly today = chinaToday();

  constructor(private readonly ctx: ImportContext) {}

  async load(db: DataSource): Promise<void> {
    const clusters: { id: string; code: string }[] = await db.query('SELECT id, code FROM clusters');
    this.clusterIdByCode = new Map(clusters.map((c) => [c.code.toUpperCase(), c.id]));
  }

  check(sheetRow: SheetRow): IntentImportRow | null {
    const n = sheetRow.rowNumber;
    const parsed = parseIntentRow(sheetRow, { clusterIdByCode: this.clusterIdByCode, today: this.today });
    if (parsed.errors) return this.ctx.reject(parsed.errors);
    const { enterpriseCode, counterpartCode, counterpartName, title, reachedOn } = parsed.row;
    const key = [enterpriseCode, counterpartCode ?? counterpartName, title, reachedOn].join('|');
    const first = this.seen.get(key);
    if (first !== undefined)
      return this.ctx.reject([
        {
          row: n,
          column: IH.title,
          message: `与第 ${first} 行是同一意向（同企业、同对方、同名称、同达成日期；duplicate of row ${first}）`,
        },
      ]);
    this.seen.set(key, n);
    return parsed.row;
  }

  async write(m: EntityManager, rows: IntentImportRow[]): Promise<Map<number, RowOutcome>> {
    const outcome = new Map<number, RowOutcome>();
    if (!rows.length) return outcome;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('clusterlink:import:intents'))`);
    const rejected = new Set<number>();
    const reject = (row: number, column: string, message: string) => {
      if (rejected.has(row)) return;
      rejected.add(row);
      this.ctx.reject([{ row, column, message }]);
    };
    const own = this.ctx.job.associationId;

    const codes = [
      ...new Set(rows.flatMap((r) => [r.enterpriseCode, r.counterpartCode]).filter((c): c is string => !!c)),
    ];
    const idOf = new Map<string, string>(
      (
        (await m.query('SELECT id, credit_code FROM enterprises WHERE credit_code = ANY($1::char(18)[])', [
          codes,
        ])) as { id: string; credit_code: string }[]
      ).map((e) => [e.credit_code, e.id]),
    );
    for (const r of rows) {
      if (!idOf.has(r.enterpriseCode))
        reject(
          r.rowNumber,
          IH.enterprise,
          `企业未在平台登记，请先导入企业名录（not registered: ${r.enterpriseCode}）`,
        );
      else if (r.counterpartCode && !idOf.has(r.counterpartCode))
        reject(
          r.rowNumber,
          IH.counterpartCode,
          `对方企业未在平台登记：请先登记，或改填对方名称（not registered: ${r.counterpartCode}）`,
        );
    }

    // the source events: association staff link their own association's events only
    const withEvent = rows.filter((r) => r.eventTitle && !rejected.has(r.rowNumber));
    const events: { id: string; title: string; start_date: string }[] = withEvent.length
      ? await m.query(
          `SELECT DISTINCT e.id, e.title, to_char(e.start_date, 'YYYY-MM-DD') AS start_date
             FROM events e JOIN unnest($1::varchar[], $2::date[]) AS k(title, start_date)
               ON e.title = k.title AND e.start_date = k.start_date
            WHERE $3::uuid IS NULL OR e.association_id = $3`,
          [withEvent.map((r) => r.eventTitle), withEvent.map((r) => r.eventStart), own],
        )
      : [];
    const eventsByKey = new Map<string, string[]>();
    for (const e of events) {
      const k = `${e.title}|${e.start_date}`;
      eventsByKey.set(k, [...(eventsByKey.get(k) ?? []), e.id]);
    }
    const eventOf = new Map<number, string>();
    for (const r of withEvent) {
      const found = eventsByKey.get(`${r.eventTitle}|${r.eventStart}`) ?? [];
      if (!found.length)
        reject(
          r.rowNumber,
          IH.eventTitle,
          own
            ? `本协会没有 ${r.eventStart} 开始的活动“${r.eventTitle}”（no such event of your association）`
            : `没有 ${r.eventStart} 开始的活动“${r.eventTitle}”（no such event）`,
        );
      else if (found.length > 1)
        reject(
          r.rowNumber,
          IH.eventTitle,
          '有多个同名、同开始日期的活动，无法确定是哪一个（ambiguous event）',
        );
      else eventOf.set(r.rowNumber, found[0]);
    }
    const linked = rows.filter((r) => eventOf.has(r.rowNumber) && !rejected.has(r.rowNumber));
    const took = new Set(
      (
        (await m.query(
          `SELECT p.event_id || '|' || p.enterprise_id AS k FROM event_participants p
             JOIN unnest($1::uuid[], $2::uuid[]) AS k(event_id, enterprise_id)
               ON p.event_id = k.event_id AND p.enterprise_id = k.enterprise_id`,
          [linked.map((r) => eventOf.get(r.rowNumber)), linked.map((r) => idOf.get(r.enterpriseCode))],
        )) as { k: string }[]
      ).map((x) => x.k),
    );
    for (const r of linked)
      if (!took.has(`${eventOf.get(r.rowNumber)}|${idOf.get(r.enterpriseCode)}`))
        reject(
          r.rowNumber,
          IH.eventTitle,
          '该企业未参加此活动（the enterprise did not take part in this event）',
        );

    // association staff: their members, or enterprises at their events
    if (own) {
      const candidates = rows.filter((r) => !rejected.has(r.rowNumber) && !eventOf.has(r.rowNumber));
      const members = new Set(
        (
          (await m.query(
            `SELECT enterprise_id FROM memberships
              WHERE association_id = $1 AND left_on IS NULL AND enterprise_id = ANY($2::uuid[])`,
            [own, candidates.map((r) => idOf.get(r.enterpriseCode))],
          )) as { enterprise_id: string }[]
        ).map((x) => x.enterprise_id),
      );
      for (const r of candidates)
        if (!members.has(idOf.get(r.enterpriseCode)!))
          reject(
            r.rowNumber,
            IH.enterprise,
            '企业不是本协会会员，也未注明本协会的来源活动（not your member nor at your event）',
          );
    }

    // the intents as stored, by natural key
    const live = rows.filter((r) => !rejected.has(r.rowNumber));
    const cpOf = (r: IntentImportRow) =>
      r.counterpartCode ? idOf.get(r.counterpartCode)! : r.counterpartName!;
    const keyOf = (e: string, cp: string, title: string, reached: string) => `${e}|${cp}|${title}|${reached}`;
    const stored: StoredIntent[] = live.length
      ? await m.query(
          `SELECT i.id, i.enterprise_id, COALESCE(i.counterpart_enterprise_id::text, i.counterpart_name) AS cp, i.title,
                  to_char(i.reached_on, 'YYYY-MM-DD') AS reached_on, i.stage,
                  to_char(i.signed_on, 'YYYY-MM-DD') AS signed_on, to_char(i.landed_on, 'YYYY-MM-DD') AS landed_on,
                  to_char(i.dropped_on, 'YYYY-MM-DD') AS dropped_on, i.amount_wan::float8 AS amount_wan, i.currency,
                  i.cluster_id, i.event_id, i.counterpart_region_code
             FROM intents i JOIN unnest($1::uuid[], $2::text[], $3::varchar[], $4::date[]) AS k(e, cp, title, reached)
               ON i.enterprise_id = k.e AND COALESCE(i.counterpart_enterprise_id::text, i.counterpart_name) = k.cp
              AND i.title = k.title AND i.reached_on = k.reached`,
          [
            live.map((r) => idOf.get(r.enterpriseCode)),
            live.map(cpOf),
            live.map((r) => r.title),
            live.map((r) => r.reachedOn),
          ],
        )
      : [];
    const storedByKey = new Map<string, StoredIntent[]>();
    for (const s of stored) {
      const k = keyOf(s.enterprise_id, s.cp, s.title, s.reached_on);
      storedByKey.set(k, [...(storedByKey.get(k) ?? []), s]);
    }

    const inserts: IntentImportRow[] = [];
    const updates: { row: IntentImportRow; before: StoredIntent; moves: IntentMove[] }[] = [];
    for (const r of live) {
      const found = storedByKey.get(keyOf(idOf.get(r.enterpriseCode)!, cpOf(r), r.title, r.reachedOn)) ?? [];
      if (found.length > 1) {
        reject(r.rowNumber, IH.title, '平台上已有多条相同的意向，无法确定更新哪一条（ambiguous intent）');
        continue;
      }
      const before = found[0];
      if (!before) {
        inserts.push(r);
        continue;
      }
      // stages already recorded keep their dates; the stage only moves forward
      let conflict = false;
      for (const stage of ['signed', 'landed', 'dropped'] as const) {
        const was = before[`${stage}_on`];
        const now = r[DATE_COLUMN[stage]];
        if (was && now && was !== now) {
          reject(
            r.rowNumber,
            HEADER_OF[stage],
            `与平台记录的${HEADER_OF[stage]} ${was} 不一致（differs from the record）`,
          );
          conflict = true;
          break;
        }
      }
      if (conflict) continue;
      const moves = before.stage === r.stage ? [] : movesTo(before.stage, r);
      if (!moves) {
        reject(
          r.rowNumber,
          IH.stage,
          `平台上该意向已是“${INTENT_STAGE_LABELS[before.stage]}”，不能改为“${INTENT_STAGE_LABELS[r.stage]}”（illegal stage change ${before.stage} → ${r.stage}）`,
        );
        continue;
      }
      const eventId = eventOf.get(r.rowNumber) ?? null;
      const changed =
        moves.length > 0 ||
        (r.amountWan !== null && r.amountWan !== before.amount_wan) ||
        (r.currency !== null && r.currency !== before.currency) ||
        (r.clusterId !== null && r.clusterId !== before.cluster_id) ||
        (eventId !== null && eventId !== before.event_id) ||
        (r.counterpartRegion !== null && r.counterpartRegion !== before.counterpart_region_code);
      if (changed) updates.push({ row: r, before, moves });
    }

    const transitions: IntentTransitionWrite[] = [];
    const pushMoves = (intentId: string, from: IntentStage, moves: IntentMove[], r: IntentImportRow) => {
      let at = from;
      for (const to of moves) {
        transitions.push({ intentId, from: at, to, on: r[DATE_COLUMN[to]]! });
        at = to;
      }
    };
    if (inserts.length) {
      const created = await insertIntents(
        m,
        inserts.map((r) => ({
          enterpriseId: idOf.get(r.enterpriseCode)!,
          counterpartEnterpriseId: r.counterpartCode ? (idOf.get(r.counterpartCode) ?? null) : null,
          counterpartName: r.counterpartName,
          counterpartRegion: r.counterpartRegion,
          eventId: eventOf.get(r.rowNumber) ?? null,
          clusterId: r.clusterId,
          title: r.title,
          amountWan: r.amountWan,
          currency: r.currency ?? 'CNY',
          stage: r.stage,
          reachedOn: r.reachedOn,
          signedOn: r.signedOn,
          landedOn: r.landedOn,
          droppedOn: r.droppedOn,
        })),
        this.ctx.job.requestedBy,
      );
      const idByKey = new Map(created.map((c) => [c.k, c.id]));
      for (const r of inserts) {
        const id = idByKey.get(keyOf(idOf.get(r.enterpriseCode)!, cpOf(r), r.title, r.reachedOn))!;
        pushMoves(id, 'intent', movesTo('intent', r) ?? [], r);
        outcome.set(r.rowNumber, 'inserted');
      }
    }
    if (updates.length) {
      await updateIntents(
        m,
        updates.map((u) => ({
          id: u.before.id,
          stage: u.row.stage,
          signedOn: u.row.signedOn,
          landedOn: u.row.landedOn,
          droppedOn: u.row.droppedOn,
          amountWan: u.row.amountWan,
          currency: u.row.currency,
          clusterId: u.row.clusterId,
          eventId: eventOf.get(u.row.rowNumber) ?? null,
          counterpartRegion: u.row.counterpartRegion,
        })),
      );
      for (const u of updates) {
        pushMoves(u.before.id, u.before.stage, u.moves, u.row);
        outcome.set(u.row.rowNumber, 'updated');
      }
    }
    await insertTransitions(m, transitions, this.ctx.job.requestedBy);
    return outcome;
  }
}
