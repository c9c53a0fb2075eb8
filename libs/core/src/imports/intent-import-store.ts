/**
 * The SQL writes of the intents import (see intent-import.ts): intents inserted and updated and their stage
 * transitions recorded — one set-based statement each, none issued for an empty list. They run inside the
 * import's transaction; deciding what to write is the caller's job.
 */
import type { EntityManager } from 'typeorm';
import type { IntentMove } from '../intents/intent-rules';
import type { IntentStage } from '../intents/intent.entity';

/** A new intent's columns as the import writes them. */
export interface IntentInsert {
  enterpriseId: string;
  counterpartEnterpriseId: string | null;
  counterpartName: string | null;
  counterpartRegion: string | null;
  eventId: string | null;
  clusterId: string | null;
  title: string;
  amountWan: number | null;
  currency: string;
  stage: IntentStage;
  reachedOn: string;
  signedOn: string | null;
  landedOn: string | null;
  droppedOn: string | null;
}

/** What a later import row changes on a stored intent (nulls keep the stored value, the stage is set). */
export interface IntentUpdate {
  id: string;
  stage: IntentStage;
  signedOn: string | null;
  landedOn: string | null;
  droppedOn: string | null;
  amountWan: number | null;
  currency: string | null;
  clusterId: string | null;
  eventId: string | null;
  counterpartRegion: string | null;
}

export interface IntentTransitionWrite {
  intentId: string;
  from: IntentStage;
  to: IntentMove;
  on: string;
}

/** Inserts the intents; returns each one's id with its natural key (enterprise|counterpart|title|reached date). */
export async function insertIntents(
  m: EntityManager,
  rows: IntentInsert[],
  requestedBy: string | null,
): Promise<{ id: string; k: string }[]> {
  if (!rows.length) return [];
  return m.query(
    `INSERT INTO intents (enterprise_id, counterpart_enterprise_id, counterpart_name, counterpart_region_code, event_id,
                          cluster_id, title, amount_wan, currency, stage, reached_on, signed_on, landed_on, dropped_on,
                          created_by)
     SELECT * , $15::uuid FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::char(6)[], $5::uuid[], $6::uuid[],
                          $7::varchar[], $8::numeric[], $9::char(3)[], $10::varchar[], $11::date[], $12::date[],
                          $13::date[], $14::date[])
     RETURNING id, enterprise_id || '|' || COALESCE(counterpart_enterprise_id::text, counterpart_name) || '|' || title
                   || '|' || to_char(reached_on, 'YYYY-MM-DD') AS k`,
    [
      rows.map((r) => r.enterpriseId),
      rows.map((r) => r.counterpartEnterpriseId),
      rows.map((r) => r.counterpartName),
      rows.map((r) => r.counterpartRegion),
      rows.map((r) => r.eventId),
      rows.map((r) => r.clusterId),
      rows.map((r) => r.title),
      rows.map((r) => r.amountWan),
      rows.map((r) => r.currency),
      rows.map((r) => r.stage),
      rows.map((r) => r.reachedOn),
      rows.map((r) => r.signedOn),
      rows.map((r) => r.landedOn),
      rows.map((r) => r.droppedOn),
      requestedBy,
    ],
  );
}

export async function updateIntents(m: EntityManager, rows: IntentUpdate[]): Promise<void> {
  if (!rows.length) return;
  await m.query(
    `UPDATE intents i
        SET stage = u.stage, signed_on = COALESCE(u.signed_on, i.signed_on),
            landed_on = COALESCE(u.landed_on, i.landed_on), dropped_on = COALESCE(u.dropped_on, i.dropped_on),
            amount_wan = COALESCE(u.amount_wan, i.amount_wan), currency = COALESCE(u.currency, i.currency),
            cluster_id = COALESCE(u.cluster_id, i.cluster_id), event_id = COALESCE(u.event_id, i.event_id),
            counterpart_region_code = COALESCE(u.region, i.counterpart_region_code),
            version = i.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::varchar[], $3::date[], $4::date[], $5::date[], $6::numeric[], $7::char(3)[],
                   $8::uuid[], $9::uuid[], $10::char(6)[])
            AS u(id, stage, signed_on, landed_on, dropped_on, amount_wan, currency, cluster_id, event_id, region)
      WHERE i.id = u.id`,
    [
      rows.map((u) => u.id),
      rows.map((u) => u.stage),
      rows.map((u) => u.signedOn),
      rows.map((u) => u.landedOn),
      rows.map((u) => u.droppedOn),
      rows.map((u) => u.amountWan),
      rows.map((u) => u.currency),
      rows.map((u) => u.clusterId),
      rows.map((u) => u.eventId),
      rows.map((u) => u.counterpartRegion),
    ],
  );
}

export async function insertTransitions(
  m: EntityManager,
  transitions: IntentTransitionWrite[],
  requestedBy: string | null,
): Promise<void> {
  if (!transitions.length) return;
  await m.query(
    `INSERT INTO intent_transitions (intent_id, from_stage, to_stage, on_date, note, recorded_by)
     SELECT u.intent_id, u.from_stage, u.to_stage, u.on_date, '表格导入', $5::uuid
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::date[]) AS u(intent_id, from_stage, to_stage, on_date)`,
    [
      transitions.map((t) => t.intentId),
      transitions.map((t) => t.from),
      transitions.map((t) => t.to),
      transitions.map((t) => t.on),
      requestedBy,
    ],
  );
}
