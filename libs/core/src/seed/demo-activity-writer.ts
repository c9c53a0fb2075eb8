import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { DemoActivity } from '../demo/demo-activity.types';

export interface DemoActivityReport {
  postings: number;
  events: number;
  participants: number;
  meetings: number;
  intents: number;
}

/** A column of a bulk insert: its name, the element type of the array passed for it, and how to select it. */
interface BulkColumn {
  name: string;
  type: string;
  select?: (param: string) => string;
}

const KEYWORD_SEPARATOR = '\u001f';

/** One INSERT … SELECT FROM unnest($1::t[], $2::t[], …) for all rows: a few round trips instead of thousands. */
async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const params = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.select ? c.select(aliases[i]) : aliases[i])).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  await m.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
     SELECT ${select} FROM unnest(${unnest}) AS t(${aliases.join(', ')})`,
    params,
  );
}

const need = (map: ReadonlyMap<string, string>, key: string, what: string): string => {
  const id = map.get(key);
  if (!id) throw new Error(`demo data: unknown ${what} ${key}`);
  return id;
};

/**
 * Writes the demo activity (postings, events and their clusters, co-organisers and participants, meetings,
 * intents and their transitions) with one bulk insert per table. Published postings keep matched_version NULL:
 * the worker's matching recovery queues them at start and fills the recommendations.
 */
export async function writeDemoActivity(
  m: EntityManager,
  activity: DemoActivity,
  ids: {
    clusters: ReadonlyMap<string, string>;
    associations: ReadonlyMap<string, string>;
    enterprises: ReadonlyMap<string, string>;
  },
): Promise<DemoActivityReport> {
  const enterprise = (code: string) => need(ids.enterprises, code, 'enterprise');
  const association = (code: string) => need(ids.associations, code, 'association');
  const cluster = (code: string) => need(ids.clusters, code, 'cluster');

  await bulkInsert(
    m,
    'postings',
    [
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'description', type: 'text' },
      { name: 'keywords', type: 'text', select: (c) => `string_to_array(${c}, E'\\x1f')` },
      { name: 'cluster_id', type: 'uuid' },
      { name: 'region_code', type: 'text' },
      { name: 'valid_until', type: 'date' },
      { name: 'amount_wan', type: 'numeric' },
      { name: 'status', type: 'text' },
      { name: 'published_at', type: 'timestamptz' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ],
    activity.postings.map((p) => [
      enterprise(p.enterpriseCreditCode),
      p.kind,
      p.category,
      p.title,
      p.description,
      p.keywords.join(KEYWORD_SEPARATOR),
      cluster(p.clusterCode),
      p.regionCode,
      p.validUntil,
      p.amountWan,
      p.status,
      p.publishedAt,
      p.createdAt,
      p.publishedAt ?? p.createdAt,
    ]),
  );

  const eventId = new Map(activity.events.map((e) => [e.key, randomUUID()]));
  await bulkInsert(
    m,
    'events',
    [
      { name: 'id', type: 'uuid' },
      { name: 'title', type: 'text' },
      { name: 'type', type: 'text' },
      { name: 'association_id', type: 'uuid' },
      { name: 'start_date', type: 'date' },
      { name: 'end_date', type: 'date' },
      { name: 'region_code', type: 'text' },
      { name: 'venue', type: 'text' },
      { name: 'visits', type: 'int' },
      { name: 'description', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'held_at', type: 'timestamptz' },
      { name: 'closed_at', type: 'timestamptz' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ],
    activity.events.map((e) => [
      eventId.get(e.key),
      e.title,
      e.type,
      association(e.associationCreditCode),
      e.startDate,
      e.endDate,
      e.regionCode,
      e.venue,
      e.visits,
      e.description,
      e.status,
      e.heldAt,
      e.closedAt,
      e.createdAt,
      e.closedAt ?? e.heldAt ?? e.createdAt,
    ]),
  );
  await bulkInsert(
    m,
    'event_clusters',
    [
      { name: 'event_id', type: 'uuid' },
      { name: 'cluster_id', type: 'uuid' },
    ],
    activity.events.flatMap((e) => e.clusterCodes.map((c) => [eventId.get(e.key), cluster(c)])),
  );
  await bulkInsert(
    m,
    'event_co_organisers',
    [
      { name: 'event_id', type: 'uuid' },
      { name: 'association_id', type: 'uuid' },
    ],
    activity.events.flatMap((e) => e.coOrganiserCreditCodes.map((a) => [eventId.get(e.key), association(a)])),
  );
  const participants = activity.events.flatMap((e) =>
    e.participants.map((p) => [
      eventId.get(e.key),
      enterprise(p.enterpriseCreditCode),
      p.role,
      p.checkedInAt,
      e.createdAt,
    ]),
  );
  await bulkInsert(
    m,
    'event_participants',
    [
      { name: 'event_id', type: 'uuid' },
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'role', type: 'text' },
      { name: 'checked_in_at', type: 'timestamptz' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    participants,
  );

  const meetingId = new Map(activity.meetings.map((x) => [x.key, randomUUID()]));
  await bulkInsert(
    m,
    'meetings',
    [
      { name: 'id', type: 'uuid' },
      { name: 'event_id', type: 'uuid' },
      { name: 'slot_start', type: 'timestamptz' },
      { name: 'slot_end', type: 'timestamptz' },
      { name: 'table_no', type: 'int' },
      { name: 'demand_enterprise_id', type: 'uuid' },
      { name: 'supply_enterprise_id', type: 'uuid' },
      { name: 'score', type: 'float8' },
      { name: 'status', type: 'text' },
    ],
    activity.meetings.map((x) => [
      meetingId.get(x.key),
      need(eventId, x.eventKey, 'event'),
      x.slotStart,
      x.slotEnd,
      x.table,
      enterprise(x.demandCreditCode),
      enterprise(x.supplyCreditCode),
      x.score,
      x.status,
    ]),
  );

  const intentIds = activity.intents.map(() => randomUUID());
  await bulkInsert(
    m,
    'intents',
    [
      { name: 'id', type: 'uuid' },
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'counterpart_enterprise_id', type: 'uuid' },
      { name: 'counterpart_name', type: 'text' },
      { name: 'counterpart_region_code', type: 'text' },
      { name: 'event_id', type: 'uuid' },
      { name: 'meeting_id', type: 'uuid' },
      { name: 'cluster_id', type: 'uuid' },
      { name: 'title', type: 'text' },
      { name: 'amount_wan', type: 'numeric' },
      { name: 'stage', type: 'text' },
      { name: 'reached_on', type: 'date' },
      { name: 'signed_on', type: 'date' },
      { name: 'landed_on', type: 'date' },
      { name: 'dropped_on', type: 'date' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ],
    activity.intents.map((i, n) => [
      intentIds[n],
      enterprise(i.enterpriseCreditCode),
      i.counterpartCreditCode ? enterprise(i.counterpartCreditCode) : null,
      i.counterpartName,
      i.counterpartRegionCode,
      i.eventKey ? need(eventId, i.eventKey, 'event') : null,
      i.meetingKey ? need(meetingId, i.meetingKey, 'meeting') : null,
      i.clusterCode ? cluster(i.clusterCode) : null,
      i.title,
      i.amountWan,
      i.stage,
      i.reachedOn,
      i.signedOn,
      i.landedOn,
      i.droppedOn,
      `${i.reachedOn}T10:00:00+08:00`,
      `${i.landedOn ?? i.droppedOn ?? i.signedOn ?? i.reachedOn}T10:00:00+08:00`,
    ]),
  );
  // Recorded on the day of the move, so the history lists them in order.
  await bulkInsert(
    m,
    'intent_transitions',
    [
      { name: 'intent_id', type: 'uuid' },
      { name: 'from_stage', type: 'text' },
      { name: 'to_stage', type: 'text' },
      { name: 'on_date', type: 'date' },
      { name: 'note', type: 'text' },
      { name: 'recorded_at', type: 'timestamptz' },
    ],
    activity.transitions.map((t) => [
      intentIds[t.intentIndex],
      t.fromStage,
      t.toStage,
      t.onDate,
      t.note,
      `${t.onDate}T16:00:00+08:00`,
    ]),
  );
  return {
    postings: activity.postings.length,
    events: activity.events.length,
    participants: participants.length,
    meetings: activity.meetings.length,
    intents: activity.intents.length,
  };
}
