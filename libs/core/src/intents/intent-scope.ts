import { Caller, isDepartment } from '../common/caller';

/**
 * Which intents a caller sees, as SQL on an intents alias: the department all; association staff those of
 * their events, of their current members (either party) and of the clusters they lead; an enterprise user
 * those it is a party to. Parameters are numbered from `firstParam`.
 */
export function intentVisibility(
  caller: Caller,
  alias: string,
  firstParam: number,
): { sql: string; params: unknown[] } {
  if (isDepartment(caller)) return { sql: 'true', params: [] };
  const p = `$${firstParam}`;
  if (caller.role === 'association_staff') {
    return {
      sql: `(EXISTS (SELECT 1 FROM events se WHERE se.id = ${alias}.event_id AND se.association_id = ${p})
          OR EXISTS (SELECT 1 FROM memberships sm WHERE sm.association_id = ${p} AND sm.left_on IS NULL
                       AND sm.enterprise_id IN (${alias}.enterprise_id, ${alias}.counterpart_enterprise_id))
          OR EXISTS (SELECT 1 FROM association_lead_clusters sl WHERE sl.association_id = ${p}
                       AND sl.cluster_id = ${alias}.cluster_id))`,
      params: [caller.associationId],
    };
  }
  if (caller.role === 'enterprise_user') {
    return {
      sql: `${p} IN (${alias}.enterprise_id, ${alias}.counterpart_enterprise_id)`,
      params: [caller.enterpriseId],
    };
  }
  return { sql: 'false', params: [] };
}
