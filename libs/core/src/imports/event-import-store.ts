/**
 * The SQL writes of the events import (see event-import.ts): events inserted and updated, their cluster links,
 * and their participants inserted and updated — one set-based statement each, none issued for an empty list.
 * They run inside the import's transaction; deciding what to write is the caller's job.
 */
import type { EntityManager } from 'typeorm';
import type { ParticipantRole } from '../events/event-participant.entity';
import type { EventStatus, EventType } from '../events/event.entity';

/** An event's columns as the import writes them. */
export interface EventWrite {
  association_id: string;
  title: string;
  start_date: string;
  type: EventType;
  end_date: string;
  region_code: string;
  venue: string | null;
  visits: number | null;
  status: EventStatus;
}

/** An inserted event: its id and natural key. */
export interface CreatedEvent {
  id: string;
  association_id: string;
  title: string;
  start_date: string;
}

/** One participant row to write. */
export interface ParticipantWrite {
  eventId: string;
  enterpriseId: string;
  role: ParticipantRole | null;
  /** Insert: check in now; update: check in unless already checked in. */
  checkIn: boolean;
  /** The event's start date (the check-in time is 09:00 that day, Beijing time, at the latest). */
  startDate: string;
}

/** Inserts new events (held_at/closed_at set by status) and answers their ids by natural key. */
export async function insertEvents(
  m: EntityManager,
  events: EventWrite[],
  createdBy: string | null,
): Promise<CreatedEvent[]> {
  if (!events.length) return [];
  return m.query(
    `INSERT INTO events (title, type, association_id, start_date, end_date, region_code, venue, visits, status,
                             held_at, closed_at, created_by)
         SELECT u.title, u.type, u.association_id, u.start_date, u.end_date, u.region_code, u.venue, u.visits, u.status,
                CASE WHEN u.status IN ('held','closed') THEN now() END, CASE WHEN u.status = 'closed' THEN now() END, $10
           FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::date[], $5::date[], $6::char(6)[], $7::varchar[],
                       $8::int[], $9::varchar[])
                AS u(title, type, association_id, start_date, end_date, region_code, venue, visits, status)
         RETURNING id, association_id, title, to_char(start_date, 'YYYY-MM-DD') AS start_date`,
    [
      events.map((x) => x.title),
      events.map((x) => x.type),
      events.map((x) => x.association_id),
      events.map((x) => x.start_date),
      events.map((x) => x.end_date),
      events.map((x) => x.region_code),
      events.map((x) => x.venue),
      events.map((x) => x.visits),
      events.map((x) => x.status),
      createdBy,
    ],
  );
}

/** Updates stored events by id (held_at/closed_at set once, version bumped). */
export async function updateEvents(m: EntityManager, events: (EventWrite & { id: string })[]): Promise<void> {
  if (!events.length) return;
  await m.query(
    `UPDATE events e
            SET type = u.type, end_date = u.end_date, region_code = u.region_code, venue = u.venue, visits = u.visits,
                status = u.status,
                held_at = CASE WHEN u.status IN ('held','closed') AND e.held_at IS NULL THEN now() ELSE e.held_at END,
                closed_at = CASE WHEN u.status = 'closed' AND e.closed_at IS NULL THEN now() ELSE e.closed_at END,
                version = e.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::varchar[], $3::date[], $4::char(6)[], $5::varchar[], $6::int[], $7::varchar[])
                AS u(id, type, end_date, region_code, venue, visits, status)
          WHERE e.id = u.id`,
    [
      events.map((x) => x.id),
      events.map((x) => x.type),
      events.map((x) => x.end_date),
      events.map((x) => x.region_code),
      events.map((x) => x.venue),
      events.map((x) => x.visits),
      events.map((x) => x.status),
    ],
  );
}

/** Adds event → cluster links ([event id, cluster id]); links already there stay. */
export async function linkEventClusters(m: EntityManager, links: [string, string][]): Promise<void> {
  if (!links.length) return;
  await m.query(
    `INSERT INTO event_clusters (event_id, cluster_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])
         ON CONFLICT DO NOTHING`,
    [links.map((l) => l[0]), links.map((l) => l[1])],
  );
}

/** Inserts new participants, checked in when asked. */
export async function insertParticipants(
  m: EntityManager,
  participants: ParticipantWrite[],
  registeredBy: string | null,
): Promise<void> {
  if (!participants.length) return;
  await m.query(
    `INSERT INTO event_participants (event_id, enterprise_id, role, checked_in_at, registered_by)
         SELECT u.event_id, u.enterprise_id, u.role,
                CASE WHEN u.check_in THEN LEAST(now(), (u.start_date + time '09:00') AT TIME ZONE 'Asia/Shanghai') END, $6
           FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::boolean[], $5::date[])
                AS u(event_id, enterprise_id, role, check_in, start_date)`,
    [
      participants.map((p) => p.eventId),
      participants.map((p) => p.enterpriseId),
      participants.map((p) => p.role),
      participants.map((p) => p.checkIn),
      participants.map((p) => p.startDate),
      registeredBy,
    ],
  );
}

/** Updates stored participants' role, and checks them in when asked and not checked in yet. */
export async function updateParticipants(m: EntityManager, participants: ParticipantWrite[]): Promise<void> {
  if (!participants.length) return;
  await m.query(
    `UPDATE event_participants p
            SET role = u.role,
                checked_in_at = CASE WHEN u.check_in AND p.checked_in_at IS NULL
                                     THEN LEAST(now(), (u.start_date + time '09:00') AT TIME ZONE 'Asia/Shanghai')
                                     ELSE p.checked_in_at END
           FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::boolean[], $5::date[])
                AS u(event_id, enterprise_id, role, check_in, start_date)
          WHERE p.event_id = u.event_id AND p.enterprise_id = u.enterprise_id`,
    [
      participants.map((p) => p.eventId),
      participants.map((p) => p.enterpriseId),
      participants.map((p) => p.role),
      participants.map((p) => p.checkIn),
      participants.map((p) => p.startDate),
    ],
  );
}
