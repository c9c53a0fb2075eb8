/**
 * The events import kind: sheet rows checked into events and participants (check), then the whole file looked
 * up, planned and written in one transaction (write). Event planning: event-import-plan.ts; SQL writes:
 * event-import-store.ts.
 */
import { chinaToday } from '@app/match-engine';
import type { DataSource, EntityManager } from 'typeorm';
import { cellEnum, cellList, cellNumber, cellDate, cellText, type RawCell } from '../excel/cell-values';
import type { SheetRow } from '../excel/sheet-reader';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../events/event-participant.entity';
import { acceptsParticipants } from '../events/event-rules';
import { EVENT_STATUS_LABELS, EVENT_TYPE_LABELS, type EventType } from '../events/event.entity';
import { creditCodeError, normalizeCreditCode } from '../registry/identifiers/credit-code';
import { normalizeRegionCode, regionError } from '../registry/identifiers/region-codes';
import { keyOf, planEvents, type EventFields, type EventPlan, type StoredEvent } from './event-import-plan';
import {
  insertEvents,
  insertParticipants,
  linkEventClusters,
  updateEvents,
  updateParticipants,
  type ParticipantWrite,
} from './event-import-store';
import type { ImportRowError } from './import.entity';
import type { ImportContext, ImportKindHandler, RowOutcome } from './import-kind';
import { EH } from './import-sheets';

export interface EventImportRow {
  rowNumber: number;
  key: string;
  enterpriseCode: string | null;
  role: ParticipantRole | null;
  checkIn: boolean | null;
}

const TYPE_ALIASES: Record<string, EventType> = { 论坛: 'forum', 培训: 'forum', 论坛培训: 'forum' };
const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '已签到']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '未签到']);

/**
 * The events sheet (活动及参会企业): one row per event and participant. An event is keyed by organiser, title and
 * start date and upserted; participants by event and enterprise. The whole file is written in one transaction,
 * because rows of one event refer to each other; a transaction-scoped advisory lock keeps two event imports
 * from creating the same event twice (the natural key has no unique constraint).
 */
export class EventImport implements ImportKindHandler<EventImportRow> {
  readonly batchSize = Infinity;
  private clusterIdByCode = new Map<string, string>();
  private associationIdByCode = new Map<string, string>();
  private readonly events = new Map<string, EventFields>();
  /** Event keys whose defining row was rejected → that row. */
  private readonly badEvents = new Map<string, number>();
  private readonly participantRow = new Map<string, number>();
  private previousKey: string | null = null;
  private readonly today = chinaToday();

  constructor(private readonly ctx: ImportContext) {}

  async load(db: DataSource): Promise<void> {
    const clusters: { id: string; code: string }[] = await db.query('SELECT id, code FROM clusters');
    this.clusterIdByCode = new Map(clusters.map((c) => [c.code.toUpperCase(), c.id]));
    const associations: { id: string; credit_code: string }[] = await db.query(
      'SELECT id, credit_code FROM associations',
    );
    this.associationIdByCode = new Map(associations.map((a) => [a.credit_code, a.id]));
  }

  check(sheetRow: SheetRow): EventImportRow | null {
    const n = sheetRow.rowNumber;
    const v = sheetRow.values;
    const errors: ImportRowError[] = [];
    const fail = (column: string, message: string) => errors.push({ row: n, column, message });

    // the key: organiser, title, start date — all blank means "as the row above" (merged cells, 同上)
    const titleText = cellText(v[EH.title]);
    const organiserText = cellText(v[EH.organiser]);
    const startCell = v[EH.startDate];
    let key: string;
    if (!titleText && !organiserText && cellText(startCell) === '' && this.previousKey) {
      key = this.previousKey;
    } else {
      if (!titleText) fail(EH.title, '必填');
      else if (titleText.length > 200) fail(EH.title, '活动名称不超过 200 个字');
      let associationId: string | undefined;
      const organiser = normalizeCreditCode(organiserText);
      const organiserError = organiser ? creditCodeError(organiser) : '必填';
      if (organiserError) fail(EH.organiser, organiserError);
      else {
        associationId = this.associationIdByCode.get(organiser);
        if (!associationId) fail(EH.organiser, `协会不存在（no such association）：${organiser}`);
        else if (this.ctx.job.associationId && associationId !== this.ctx.job.associationId)
          fail(EH.organiser, '只能导入本协会主办的活动（your own association’s events only）');
      }
      const start = cellDate(startCell);
      if (!start.ok) fail(EH.startDate, start.reason);
      else if (!start.value) fail(EH.startDate, '必填');
      if (errors.length) {
        this.previousKey = null;
        return this.ctx.reject(errors);
      }
      key = keyOf(associationId!, titleText, (start as { value: string }).value);
    }
    this.previousKey = key;

    const defined = this.events.get(key);
    const badAt = this.badEvents.get(key);
    if (badAt !== undefined)
      return this.ctx.reject([
        {
          row: n,
          column: EH.title,
          message: `同一活动第 ${badAt} 行的活动信息有误，本行未导入（fix row ${badAt}）`,
        },
      ]);
    const [associationId, startDate] = key.split('|');
    const title = key.slice(associationId.length + startDate.length + 2);
    const fields = this.eventFields(v, n, defined, { associationId, title, startDate }, fail);
    if (!defined) {
      if (errors.length) {
        this.badEvents.set(key, n);
        return this.ctx.reject(errors);
      }
      this.events.set(key, fields!);
    }

    // the participant
    const enterpriseText = cellText(v[EH.enterprise]);
    let enterpriseCode: string | null = null;
    let role: ParticipantRole | null = null;
    let checkIn: boolean | null = null;
    const roleCell = cellEnum(v[EH.role], PARTICIPANT_ROLE_LABELS);
    const checkText = cellText(v[EH.checkedIn]).toUpperCase();
    if (checkText && !YES.has(checkText) && !NO.has(checkText))
      fail(EH.checkedIn, `应为 是 或 否：${cellText(v[EH.checkedIn])}`);
    else if (checkText) checkIn = YES.has(checkText);
    if (enterpriseText) {
      enterpriseCode = normalizeCreditCode(enterpriseText);
      const problem = creditCodeError(enterpriseCode);
      if (problem) fail(EH.enterprise, problem);
      if (!roleCell.ok) fail(EH.role, roleCell.reason);
      else if (!roleCell.value) fail(EH.role, '填写参会企业时必填（采购方/供应方/参展商/观众）');
      else role = roleCell.value;
      if (!problem) {
        const first = this.participantRow.get(`${key}|${enterpriseCode}`);
        if (first !== undefined)
          fail(EH.enterprise, `与第 ${first} 行是同一活动的同一企业（duplicate of row ${first}）`);
      }
    } else if (cellText(v[EH.role]) || checkIn) {
      fail(EH.enterprise, '填写了参会角色或签到，但未填参会企业');
    }
    if (errors.length) return this.ctx.reject(errors);
    if (enterpriseCode) this.participantRow.set(`${key}|${enterpriseCode}`, n);
    return { rowNumber: n, key, enterpriseCode, role, checkIn };
  }

  /**
   * The event columns of a row: for the event's first row, parsed and checked into its fields; for later rows,
   * every filled cell must agree with the first row (blank means the same).
   */
  private eventFields(
    v: Record<string, RawCell>,
    n: number,
    defined: EventFields | undefined,
    key: { associationId: string; title: string; startDate: string },
    fail: (column: string, message: string) => void,
  ): EventFields | null {
    const typeText = cellText(v[EH.type]).replace(/\s+/g, '');
    let type: EventType | null = null;
    if (typeText) {
      const parsed = cellEnum(typeText, EVENT_TYPE_LABELS);
      type = parsed.ok ? parsed.value : (TYPE_ALIASES[typeText.replace(/[/／、]/g, '')] ?? null);
      if (!type)
        fail(
          EH.type,
          `应为 ${Object.values(EVENT_TYPE_LABELS).join('、')} 之一（也可写 论坛 或 培训）：${typeText}`,
        );
    }
    const clusterIds: string[] = [];
    for (const code of cellList(v[EH.clusters])) {
      const id = this.clusterIdByCode.get(code.toUpperCase());
      if (id) clusterIds.push(id);
      else fail(EH.clusters, `集群编码不存在：${code}`);
    }
    const end = cellDate(v[EH.endDate]);
    if (!end.ok) fail(EH.endDate, end.reason);
    const endDate = end.ok ? end.value : null;
    if (endDate && endDate < key.startDate)
      fail(EH.endDate, '结束日期不能早于开始日期（endDate is before startDate）');
    const regionText = normalizeRegionCode(cellText(v[EH.region]));
    const regionProblem = regionText ? regionError(regionText) : null;
    if (regionProblem) fail(EH.region, regionProblem);
    const venue = cellText(v[EH.venue]) || null;
    if (venue && venue.length > 200) fail(EH.venue, '场馆不超过 200 个字');
    const visits = cellNumber(v[EH.visits], { integer: true, min: 0, max: 100_000_000 });
    if (!visits.ok) fail(EH.visits, visits.reason);
    const status = cellEnum(v[EH.status], EVENT_STATUS_LABELS);
    if (!status.ok) fail(EH.status, status.reason);
    else if ((status.value === 'held' || status.value === 'closed') && key.startDate > this.today)
      fail(EH.status, '活动尚未开始，不能标记为已举办或已结项（an event cannot be held before it starts）');

    if (defined) {
      const differs = (column: string, same: boolean, what: string) => {
        if (!same)
          fail(column, `与第 ${defined.row} 行同一活动的${what}不一致（differs from row ${defined.row}）`);
      };
      if (type) differs(EH.type, type === defined.type, '活动类型');
      if (clusterIds.length)
        differs(
          EH.clusters,
          clusterIds.length === defined.clusterIds.length &&
            clusterIds.every((c) => defined.clusterIds.includes(c)),
          '服务集群',
        );
      if (endDate) differs(EH.endDate, endDate === defined.endDate, '结束日期');
      if (regionText && !regionProblem) differs(EH.region, regionText === defined.regionCode, '举办地');
      if (venue) differs(EH.venue, venue === defined.venue, '场馆');
      if (visits.ok && visits.value !== null) differs(EH.visits, visits.value === defined.visits, '参观人次');
      if (status.ok && status.value) differs(EH.status, status.value === defined.status, '活动状态');
      return null;
    }
    if (!typeText) fail(EH.type, '必填');
    if (!cellText(v[EH.clusters])) fail(EH.clusters, '必填，至少一个服务集群（at least one cluster）');
    if (!regionText) fail(EH.region, '必填');
    return {
      ...key,
      type: type!,
      clusterIds: [...new Set(clusterIds)],
      endDate,
      regionCode: regionText,
      venue,
      visits: visits.ok ? visits.value : null,
      status: status.ok ? status.value : null,
      row: n,
    };
  }

  async write(m: EntityManager, rows: EventImportRow[]): Promise<Map<number, RowOutcome>> {
    const outcome = new Map<number, RowOutcome>();
    if (!rows.length) return outcome;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('clusterlink:import:events'))`);
    const rejected = new Set<number>();
    const reject = (row: number, column: string, message: string) => {
      rejected.add(row);
      this.ctx.reject([{ row, column, message }]);
    };

    // participants' enterprises must be registered already
    const codes = [...new Set(rows.map((r) => r.enterpriseCode).filter((c): c is string => !!c))];
    const enterpriseId = new Map<string, string>(
      (
        (await m.query('SELECT id, credit_code FROM enterprises WHERE credit_code = ANY($1::char(18)[])', [
          codes,
        ])) as { id: string; credit_code: string }[]
      ).map((e) => [e.credit_code, e.id]),
    );
    for (const r of rows)
      if (r.enterpriseCode && !enterpriseId.has(r.enterpriseCode))
        reject(
          r.rowNumber,
          EH.enterprise,
          `企业未在平台登记，请先导入企业名录（enterprise not registered: ${r.enterpriseCode}）`,
        );

    // the events as stored, by natural key
    const keys = [...new Set(rows.map((r) => r.key))];
    const fieldsOf = keys.map((k) => this.events.get(k)!);
    const stored: StoredEvent[] = await m.query(
      `SELECT e.id, e.association_id, e.title, to_char(e.start_date, 'YYYY-MM-DD') AS start_date, e.type,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date, e.region_code, e.venue, e.visits, e.status,
              COALESCE((SELECT array_agg(ec.cluster_id) FROM event_clusters ec WHERE ec.event_id = e.id), '{}') AS cluster_ids
         FROM events e
         JOIN unnest($1::uuid[], $2::varchar[], $3::date[]) AS k(association_id, title, start_date)
           ON e.association_id = k.association_id AND e.title = k.title AND e.start_date = k.start_date`,
      [fieldsOf.map((f) => f.associationId), fieldsOf.map((f) => f.title), fieldsOf.map((f) => f.startDate)],
    );
    const storedByKey = new Map<string, StoredEvent[]>();
    for (const s of stored) {
      const k = keyOf(s.association_id, s.title, s.start_date);
      storedByKey.set(k, [...(storedByKey.get(k) ?? []), s]);
    }
    const rowsOf = new Map<string, EventImportRow[]>();
    for (const r of rows) rowsOf.set(r.key, [...(rowsOf.get(r.key) ?? []), r]);
    const rejectEvent = (key: string, column: string, message: string) => {
      for (const r of rowsOf.get(key)!) if (!rejected.has(r.rowNumber)) reject(r.rowNumber, column, message);
    };

    const plans = planEvents(keys, this.events, storedByKey, this.today, rejectEvent);

    // participants as stored, for the events that exist
    const pairs = rows.filter(
      (r) => !rejected.has(r.rowNumber) && r.enterpriseCode && plans.get(r.key)?.stored,
    );
    const existing = new Map<string, { role: ParticipantRole; checked_in: boolean }>(
      (
        (await m.query(
          `SELECT p.event_id, p.enterprise_id, p.role, p.checked_in_at IS NOT NULL AS checked_in
             FROM event_participants p
             JOIN unnest($1::uuid[], $2::uuid[]) AS k(event_id, enterprise_id)
               ON p.event_id = k.event_id AND p.enterprise_id = k.enterprise_id`,
          [pairs.map((r) => plans.get(r.key)!.id), pairs.map((r) => enterpriseId.get(r.enterpriseCode!))],
        )) as { event_id: string; enterprise_id: string; role: ParticipantRole; checked_in: boolean }[]
      ).map((p) => [`${p.event_id}|${p.enterprise_id}`, p]),
    );
    type Participation = { row: EventImportRow; plan: EventPlan; enterpriseId: string; checkIn: boolean };
    const inserts: Participation[] = [];
    const updates: Participation[] = [];
    for (const r of rows) {
      const plan = plans.get(r.key);
      if (!plan || rejected.has(r.rowNumber) || !r.enterpriseCode) continue;
      const eid = enterpriseId.get(r.enterpriseCode)!;
      const before = plan.stored ? existing.get(`${plan.stored.id}|${eid}`) : undefined;
      const wantCheckIn = r.checkIn === true && !before?.checked_in;
      const open = plan.stored ? acceptsParticipants(plan.stored.status) : true;
      if (wantCheckIn && !['open', 'held', 'closed'].includes(plan.target.status)) {
        reject(
          r.rowNumber,
          EH.checkedIn,
          `活动${EVENT_STATUS_LABELS[plan.target.status]}，不能签到（check-in needs an open or held event）`,
        );
        continue;
      }
      if (!before) {
        if (!open || plan.target.status === 'cancelled') {
          reject(
            r.rowNumber,
            EH.enterprise,
            `活动${EVENT_STATUS_LABELS[plan.stored?.status ?? plan.target.status]}，不能再增加参会企业（the event no longer takes participants）`,
          );
          continue;
        }
        inserts.push({ row: r, plan, enterpriseId: eid, checkIn: r.checkIn === true });
      } else if (before.role !== r.role || wantCheckIn) {
        if (!open) {
          reject(
            r.rowNumber,
            before.role !== r.role ? EH.role : EH.checkedIn,
            `活动${EVENT_STATUS_LABELS[plan.stored!.status]}，参会信息不能修改（the event is closed）`,
          );
          continue;
        }
        updates.push({ row: r, plan, enterpriseId: eid, checkIn: wantCheckIn });
      }
    }

    // write the events that still have a good row
    const live = new Set(rows.filter((r) => !rejected.has(r.rowNumber)).map((r) => r.key));
    const toInsert = [...plans.entries()].filter(([k, p]) => live.has(k) && p.action === 'insert');
    const toUpdate = [...plans.entries()].filter(([k, p]) => live.has(k) && p.action === 'update');
    const created = await insertEvents(
      m,
      toInsert.map(([, p]) => p.target),
      this.ctx.job.requestedBy,
    );
    for (const c of created) plans.get(keyOf(c.association_id, c.title, c.start_date))!.id = c.id;
    await updateEvents(
      m,
      toUpdate.map(([, p]) => ({ ...p.target, id: p.id! })),
    );
    const links = [...toInsert, ...toUpdate].flatMap(([, p]) =>
      p.target.clusterIds.map((c): [string, string] => [p.id!, c]),
    );
    await linkEventClusters(m, links);

    // participants (event ids read only now: inserted events have just got theirs)
    const toWrite = (p: Participation): ParticipantWrite => ({
      eventId: p.plan.id!,
      enterpriseId: p.enterpriseId,
      role: p.row.role,
      checkIn: p.checkIn,
      startDate: p.plan.target.start_date,
    });
    await insertParticipants(m, inserts.map(toWrite), this.ctx.job.requestedBy);
    await updateParticipants(m, updates.map(toWrite));

    // outcomes: the participant decides; an event's own insert or update counts once, on its first good row
    for (const p of inserts) outcome.set(p.row.rowNumber, 'inserted');
    for (const p of updates) outcome.set(p.row.rowNumber, 'updated');
    for (const r of rows) {
      if (rejected.has(r.rowNumber)) continue;
      const plan = plans.get(r.key)!;
      if (plan.action === 'none' || plan.outcomeClaimed) continue;
      plan.outcomeClaimed = true;
      if (!outcome.has(r.rowNumber))
        outcome.set(r.rowNumber, plan.action === 'insert' ? 'inserted' : 'updated');
    }
    return outcome;
  }
}
