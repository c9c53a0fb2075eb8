/**
 * Planning the events of an events import (see event-import.ts): the event as the file describes it, as it is
 * stored, and the decision for each — insert, update or leave as is — or the reason its rows are rejected
 * (ambiguous key, end before start, a status change the event rules do not allow, a closed or cancelled event).
 */
import { assertEventTransition } from '../events/event-rules';
import {
  EVENT_STATUSES,
  EVENT_STATUS_LABELS,
  type EventStatus,
  type EventType,
} from '../events/event.entity';
import type { EventWrite } from './event-import-store';
import { EH } from './import-sheets';

/** An event as one sheet row describes it; the first row of an event defines it for the whole file. */
export interface EventFields {
  associationId: string;
  title: string;
  startDate: string;
  type: EventType;
  clusterIds: string[];
  endDate: string | null;
  regionCode: string;
  venue: string | null;
  visits: number | null;
  status: EventStatus | null;
  /** Sheet row that defined the event. */
  row: number;
}

export interface StoredEvent extends EventWrite {
  id: string;
  cluster_ids: string[];
}

/** The decision for one event of the file. */
export interface EventPlan {
  fields: EventFields;
  stored: StoredEvent | null;
  target: EventWrite & { clusterIds: string[] };
  action: 'insert' | 'update' | 'none';
  id?: string;
  outcomeClaimed?: boolean;
}

/** An event's natural key: organiser, start date, title. */
export const keyOf = (associationId: string, title: string, startDate: string) =>
  `${associationId}|${startDate}|${title}`;

/** Statuses reachable from `from` by the event rules' moves (an import may record several moves at once). */
function reachable(from: EventStatus, to: EventStatus): boolean {
  const seen = new Set<EventStatus>([from]);
  const queue: EventStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) return true;
    for (const next of EVENT_STATUSES) {
      if (seen.has(next)) continue;
      try {
        assertEventTransition(at, next);
        seen.add(next);
        queue.push(next);
      } catch {
        // not a move
      }
    }
  }
  return false;
}

/**
 * The plan of each event key: blank cells keep what is stored (or take defaults: status by the start date, the
 * end date as the start), clusters are added to the stored ones. An event that cannot be planned gets no plan,
 * and `rejectEvent` is told why.
 */
export function planEvents(
  keys: string[],
  events: ReadonlyMap<string, EventFields>,
  storedByKey: ReadonlyMap<string, StoredEvent[]>,
  today: string,
  rejectEvent: (key: string, column: string, message: string) => void,
): Map<string, EventPlan> {
  const plans = new Map<string, EventPlan>();
  for (const key of keys) {
    const f = events.get(key)!;
    const found = storedByKey.get(key) ?? [];
    if (found.length > 1) {
      rejectEvent(
        key,
        EH.title,
        '平台上已有多个同一主办协会、同名、同开始日期的活动，无法确定更新哪一个（ambiguous event）',
      );
      continue;
    }
    const s = found[0] ?? null;
    const status: EventStatus = f.status ?? s?.status ?? (f.startDate <= today ? 'held' : 'planned');
    const target = {
      association_id: f.associationId,
      title: f.title,
      start_date: f.startDate,
      type: f.type,
      end_date: f.endDate ?? s?.end_date ?? f.startDate,
      region_code: f.regionCode,
      venue: f.venue ?? s?.venue ?? null,
      visits: f.visits ?? s?.visits ?? null,
      status,
      clusterIds: [...new Set([...(s?.cluster_ids ?? []), ...f.clusterIds])],
    };
    let action: EventPlan['action'] = s ? 'none' : 'insert';
    if (s) {
      if (target.end_date < target.start_date) {
        rejectEvent(key, EH.endDate, '结束日期不能早于开始日期（endDate is before startDate）');
        continue;
      }
      if (s.status !== status && !reachable(s.status, status)) {
        rejectEvent(
          key,
          EH.status,
          `活动状态不能从 ${EVENT_STATUS_LABELS[s.status]} 改为 ${EVENT_STATUS_LABELS[status]}（illegal status change ${s.status} → ${status}）`,
        );
        continue;
      }
      const changed: string[] = [];
      if (s.type !== target.type) changed.push(EH.type);
      if (s.end_date !== target.end_date) changed.push(EH.endDate);
      if (s.region_code !== target.region_code) changed.push(EH.region);
      if (s.venue !== target.venue) changed.push(EH.venue);
      if (s.visits !== target.visits) changed.push(EH.visits);
      if (s.status !== target.status) changed.push(EH.status);
      if (target.clusterIds.length !== s.cluster_ids.length) changed.push(EH.clusters);
      if (changed.length && (s.status === 'closed' || s.status === 'cancelled')) {
        rejectEvent(
          key,
          changed[0],
          `活动已${EVENT_STATUS_LABELS[s.status]}，不能修改（a closed or cancelled event is read-only）`,
        );
        continue;
      }
      if (changed.length) action = 'update';
    }
    plans.set(key, { fields: f, stored: s, target, action, id: s?.id });
  }
  return plans;
}
