import type { EventStatus } from './event.entity';
import type { MeetingStatus } from './meeting.entity';
import { conflict } from '../common/http-errors';

/**
 * planned → open → held → closed; an event recorded after the fact may go planned → held; planned and open
 * events may be cancelled. Nothing leaves closed or cancelled.
 */
const EVENT_MOVES: Record<EventStatus, EventStatus[]> = {
  planned: ['open', 'held', 'cancelled'],
  open: ['held', 'cancelled'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};

export function assertEventTransition(from: EventStatus, to: EventStatus): void {
  if (from === to || EVENT_MOVES[from].includes(to)) return;
  throw conflict('status', `活动状态不能从 ${from} 改为 ${to} (illegal status change ${from} → ${to})`);
}

/** Participants can be registered until the event is closed or cancelled (a held event is still recorded). */
export const acceptsParticipants = (status: EventStatus): boolean =>
  status === 'planned' || status === 'open' || status === 'held';

/** Check-in happens at the event: while registration is open or once it is held. */
export const acceptsCheckIn = (status: EventStatus): boolean => status === 'open' || status === 'held';

/** Meetings are scheduled before or during the event. */
export const acceptsScheduling = (status: EventStatus): boolean =>
  status === 'planned' || status === 'open' || status === 'held';

/** scheduled → confirmed → held → intent; no_show and cancelled end a meeting; a held meeting may still reach intent. */
const MEETING_MOVES: Record<MeetingStatus, MeetingStatus[]> = {
  scheduled: ['confirmed', 'held', 'no_show', 'intent', 'cancelled'],
  confirmed: ['held', 'no_show', 'intent', 'cancelled'],
  held: ['intent'],
  no_show: [],
  intent: [],
  cancelled: [],
};

export function assertMeetingTransition(from: MeetingStatus, to: MeetingStatus): void {
  if (from === to || MEETING_MOVES[from].includes(to)) return;
  throw conflict('status', `洽谈状态不能从 ${from} 改为 ${to} (illegal status change ${from} → ${to})`);
}

/** Meetings a re-schedule keeps as they are: anything a person confirmed or recorded. */
export const KEPT_ON_RESCHEDULE: MeetingStatus[] = ['confirmed', 'held', 'no_show', 'intent'];
