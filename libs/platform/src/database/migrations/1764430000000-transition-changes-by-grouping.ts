import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recommendations and memberships statistics triggers find the rows an UPDATE changed by grouping the old
 * and new transition rows, not by joining them.
 *
 * PL/pgSQL keeps a parameterless statement's plan for the whole session, planned with the transition tables'
 * sizes of its first call. A connection's first UPDATE of recommendations often changes none (a single
 * posting's match taking its score off no pair), so the join was planned as a nested loop over two empty tables,
 * and a later match run on the same connection that updated 300k rows rescanned one transition table for every
 * row of the other: it ran for many minutes (seen in the M1x bench's third run). A grouping is linear whatever
 * it was planned for, and its hash spills to disk instead of growing.
 */
export class TransitionChangesByGrouping1764430000000 implements MigrationInterface {
  name = 'TransitionChangesByGrouping1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(recommendationsTrigger(CHANGED_BY_GROUPING));
    await q.query(membershipsTrigger(MEMBERSHIP_CHANGES_BY_GROUPING));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(recommendationsTrigger(CHANGED_BY_JOIN));
    await q.query(membershipsTrigger(MEMBERSHIP_CHANGES_BY_JOIN));
  }
}

/** The columns a recommendation's statistics depend on. */
const COUNTED =
  'status, created_at, demand_enterprise_id, supply_enterprise_id, demand_posting_id, supply_posting_id';
const counted = (alias: string) =>
  COUNTED.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');

/** Ids whose counted columns differ between the old and the new row: a version found on one side only. */
const CHANGED_BY_GROUPING = `
  SELECT v.id FROM (SELECT true AS is_new, n.id, ${counted('n')} FROM new_rows n
                    UNION ALL SELECT false, o.id, ${counted('o')} FROM old_rows o) v
   GROUP BY v.id, ${COUNTED}
  HAVING bool_and(v.is_new)`;

/** As migration 1764390000000 had it. */
const CHANGED_BY_JOIN = `
  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (${counted('o')}) IS DISTINCT FROM (${counted('n')})`;

function recommendationsTrigger(changed: string): string {
  return `
  CREATE OR REPLACE FUNCTION stats_trg_recommendations() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO stats_pending_recommendations (id) SELECT n.id FROM new_rows n ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
      INSERT INTO stats_pending_recommendations (id) ${changed}
      ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO stats_pending_recommendations (id) SELECT o.id FROM old_rows o ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END $fn$`;
}

const MEMBERSHIP_COLUMNS = 'association_id, enterprise_id, left_on';

/** Both versions of every membership whose association, enterprise or end changed: found on one side only. */
const MEMBERSHIP_CHANGES_BY_GROUPING = `
  SELECT v.enterprise_id FROM (SELECT n.id, n.association_id, n.enterprise_id, n.left_on FROM new_rows n
                               UNION ALL SELECT o.id, o.association_id, o.enterprise_id, o.left_on FROM old_rows o) v
   GROUP BY v.id, ${MEMBERSHIP_COLUMNS.split(', ')
     .map((c) => `v.${c}`)
     .join(', ')}
  HAVING count(*) = 1`;

/** As migration 1764390000000 had it. */
const MEMBERSHIP_DIFFERS =
  'o.association_id IS DISTINCT FROM n.association_id OR o.enterprise_id IS DISTINCT FROM n.enterprise_id' +
  ' OR o.left_on IS DISTINCT FROM n.left_on';
const MEMBERSHIP_CHANGES_BY_JOIN = `
  SELECT o.enterprise_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${MEMBERSHIP_DIFFERS}
  UNION ALL
  SELECT n.enterprise_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${MEMBERSHIP_DIFFERS}`;

/** The memberships trigger of migration 1764390000000, with the UPDATE branch's changed rows given. */
function membershipsTrigger(updated: string): string {
  const recs = `
    SELECT x.id FROM chg r JOIN postings p ON p.enterprise_id = r.enterprise_id
                           JOIN recommendations x ON x.demand_posting_id = p.id
    UNION
    SELECT x.id FROM chg r JOIN postings p ON p.enterprise_id = r.enterprise_id
                           JOIN recommendations x ON x.supply_posting_id = p.id`;
  const queue = (rows: string) => `
      WITH chg AS (${rows})
      SELECT ARRAY(SELECT DISTINCT u FROM (${recs}) q(u) WHERE u IS NOT NULL) INTO v_recs;`;
  return `
    CREATE OR REPLACE FUNCTION stats_trg_memberships() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE v_recs uuid[];
    BEGIN
      IF TG_OP = 'INSERT' THEN ${queue('SELECT n.enterprise_id FROM new_rows n')}
      ELSIF TG_OP = 'UPDATE' THEN ${queue(updated)}
      ELSE ${queue('SELECT o.enterprise_id FROM old_rows o')}
      END IF;
      PERFORM stats_refresh('{}'::text[], '{}'::uuid[], '{}'::uuid[], v_recs);
      RETURN NULL;
    END $fn$`;
}
