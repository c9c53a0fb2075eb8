import { EntityManager } from 'typeorm';
import type { EnterpriseRow } from './enterprise-row';

export interface UpsertOutcome {
  /** Row numbers whose enterprise (or membership) was created, changed, or already as in the file. */
  inserted: number[];
  updated: number[];
  unchanged: number[];
}

/**
 * Upserts a batch of enterprise rows by credit code in one statement (upsert, id look-up and cluster links as
 * data-modifying CTEs: one round trip per batch). Blank optional cells leave what is stored; a row equal to what
 * is stored is not written at all, so importing the same file twice changes nothing. Cluster links are added,
 * never removed. Returns credit code → enterprise id for the batch when `withIds` (the members import needs
 * them); otherwise only for rows that were written.
 */
export async function upsertEnterprises(
  m: EntityManager,
  rows: EnterpriseRow[],
  withIds = true,
): Promise<{ ids: Map<string, string>; outcome: UpsertOutcome }> {
  const linkCodes: string[] = [];
  const linkClusters: string[] = [];
  for (const r of rows)
    for (const c of r.clusterIds) {
      linkCodes.push(r.creditCode);
      linkClusters.push(c);
    }
  const codes = rows.map((r) => r.creditCode);
  // The statement's snapshot predates its own CTEs: `existing` sees rows as they were before this batch, and
  // newly inserted or updated ones come from `written`. Foreign keys are checked at the end of the statement.
  const result: { credit_code: string; id: string; inserted: boolean | null; relinked: boolean }[] =
    await m.query(
      `WITH written AS (
         INSERT INTO enterprises AS e (name, credit_code, region_code, industry_code, scale, contact_name, contact_phone)
         SELECT * FROM unnest($1::varchar[], $2::char(18)[], $3::char(6)[], $4::varchar[], $5::varchar[], $6::varchar[],
                              $7::varchar[])
         ON CONFLICT ON CONSTRAINT uq_enterprises_credit_code DO UPDATE
            SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
                industry_code = COALESCE(EXCLUDED.industry_code, e.industry_code), scale = EXCLUDED.scale,
                contact_name = COALESCE(EXCLUDED.contact_name, e.contact_name),
                contact_phone = COALESCE(EXCLUDED.contact_phone, e.contact_phone),
                version = e.version + 1, updated_at = now()
          WHERE (e.name, e.region_code, e.industry_code, e.scale, e.contact_name, e.contact_phone) IS DISTINCT FROM
                (EXCLUDED.name, EXCLUDED.region_code, COALESCE(EXCLUDED.industry_code, e.industry_code), EXCLUDED.scale,
                 COALESCE(EXCLUDED.contact_name, e.contact_name), COALESCE(EXCLUDED.contact_phone, e.contact_phone))
         RETURNING e.id, e.credit_code, (xmax = 0) AS inserted
       ), ids AS (
         SELECT id, credit_code FROM written
         UNION ALL
         SELECT e.id, e.credit_code FROM enterprises e
          WHERE e.credit_code = ANY(CASE WHEN $10::boolean THEN $2::char(18)[] ELSE $8::char(18)[] END)
            AND NOT EXISTS (SELECT 1 FROM written w WHERE w.credit_code = e.credit_code)
       ), linked AS (
         INSERT INTO enterprise_clusters (enterprise_id, cluster_id)
         SELECT ids.id, l.cluster_id FROM unnest($8::char(18)[], $9::uuid[]) AS l(credit_code, cluster_id)
           JOIN ids ON ids.credit_code = l.credit_code
         ON CONFLICT DO NOTHING RETURNING enterprise_id
       )
       SELECT ids.credit_code, ids.id, w.inserted, (lk.enterprise_id IS NOT NULL) AS relinked
         FROM ids
         LEFT JOIN written w ON w.credit_code = ids.credit_code
         LEFT JOIN (SELECT DISTINCT enterprise_id FROM linked) lk ON lk.enterprise_id = ids.id
        WHERE $10::boolean OR w.credit_code IS NOT NULL OR lk.enterprise_id IS NOT NULL`,
      [
        rows.map((r) => r.name),
        codes,
        rows.map((r) => r.regionCode),
        rows.map((r) => r.industryCode),
        rows.map((r) => r.scale),
        rows.map((r) => r.contactName),
        rows.map((r) => r.contactPhone),
        linkCodes,
        linkClusters,
        withIds,
      ],
    );
  const ids = new Map<string, string>();
  const state = new Map<string, keyof UpsertOutcome>();
  for (const r of result) {
    ids.set(r.credit_code, r.id);
    if (r.inserted !== null) state.set(r.credit_code, r.inserted ? 'inserted' : 'updated');
    else if (r.relinked) state.set(r.credit_code, 'updated');
  }
  const outcome: UpsertOutcome = { inserted: [], updated: [], unchanged: [] };
  for (const r of rows) outcome[state.get(r.creditCode) ?? 'unchanged'].push(r.rowNumber);
  return { ids, outcome };
}

/**
 * Upserts memberships for a batch (association credit code → id resolved by the caller): a new membership is
 * `inserted`, a changed join date or a re-joined member `updated`, anything else left as the enterprise upsert said.
 */
export async function upsertMemberships(
  m: EntityManager,
  rows: { rowNumber: number; associationId: string; enterpriseId: string; joinedOn: string | null }[],
): Promise<{ inserted: Set<number>; updated: Set<number> }> {
  if (!rows.length) return { inserted: new Set(), updated: new Set() };
  const written: { association_id: string; enterprise_id: string; inserted: boolean }[] = await m.query(
    `INSERT INTO memberships AS ms (association_id, enterprise_id, joined_on)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[])
     ON CONFLICT ON CONSTRAINT uq_memberships_association_enterprise DO UPDATE
        SET joined_on = COALESCE(EXCLUDED.joined_on, ms.joined_on), left_on = NULL
      WHERE ms.left_on IS NOT NULL OR ms.joined_on IS DISTINCT FROM COALESCE(EXCLUDED.joined_on, ms.joined_on)
     RETURNING ms.association_id, ms.enterprise_id, (xmax = 0) AS inserted`,
    [rows.map((r) => r.associationId), rows.map((r) => r.enterpriseId), rows.map((r) => r.joinedOn)],
  );
  const key = (a: string, e: string) => `${a}|${e}`;
  const state = new Map(written.map((w) => [key(w.association_id, w.enterprise_id), w.inserted]));
  const inserted = new Set<number>();
  const updated = new Set<number>();
  for (const r of rows) {
    const s = state.get(key(r.associationId, r.enterpriseId));
    if (s === true) inserted.add(r.rowNumber);
    else if (s === false) updated.add(r.rowNumber);
  }
  return { inserted, updated };
}
