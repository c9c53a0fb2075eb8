import type { MatchResult, PostingKind } from '@app/match-engine';
import { EntityManager } from 'typeorm';

export interface PairRow {
  demandPostingId: string;
  supplyPostingId: string;
  demandEnterpriseId: string;
  supplyEnterpriseId: string;
  score: number;
  reasons: string[];
  matchedTerms: string[];
}

/**
 * Joins a row's reasons or matched terms into one text value, split back with `string_to_array` in SQL: neither
 * holds this character. Sent as JSON and unpacked with a subquery per row, they took 40 % of a publishing
 * batch's INSERT (13–16 ms of 37–41 ms for 1,930 rows).
 */
export const LIST_SEPARATOR = '\u001f';

export interface QueryPosting {
  id: string;
  enterpriseId: string;
  kind: PostingKind;
}

/** The query's results as (demand, supply) pairs, whichever side the query was. */
export function toPairs(query: QueryPosting, results: readonly MatchResult[]): PairRow[] {
  return results.map((r) => {
    const counterpart = { postingId: r.postingId, enterpriseId: r.enterpriseId };
    const [demand, supply] =
      query.kind === 'demand'
        ? [{ postingId: query.id, enterpriseId: query.enterpriseId }, counterpart]
        : [counterpart, { postingId: query.id, enterpriseId: query.enterpriseId }];
    return {
      demandPostingId: demand.postingId,
      demandEnterpriseId: demand.enterpriseId,
      supplyPostingId: supply.postingId,
      supplyEnterpriseId: supply.enterpriseId,
      score: r.score,
      reasons: r.reasons,
      matchedTerms: r.matchedTerms,
    };
  });
}

const BATCH = 5000;
const scoreColumn = (side: PostingKind) => (side === 'demand' ? 'demand_score' : 'supply_score');
const postingColumn = (side: PostingKind) => (side === 'demand' ? 'demand_posting_id' : 'supply_posting_id');

/**
 * Stores the lists of the `side` postings: upsert under the unique (demand, supply) key, writing only this side's
 * score, then take this side's score off pairs that left those lists and delete untouched pairs on no list.
 * Re-runs, retries and concurrent workers converge on the same rows; statuses people set are never changed. The
 * postings' list digests are deleted, so that the next match run writes their lists (see `ListDigests`).
 * Rows are written in key order so that concurrent writers lock in the same order and do not deadlock.
 * Scores and explanations are rewritten without touching `updated_at`, so that the rewrites are HOT updates.
 */
export async function storeLists(
  m: EntityManager,
  side: PostingKind,
  queryPostingIds: string[],
  pairs: PairRow[],
): Promise<{ written: number; removed: number }> {
  const rows = [...pairs].sort((a, b) =>
    a.demandPostingId === b.demandPostingId
      ? a.supplyPostingId.localeCompare(b.supplyPostingId)
      : a.demandPostingId.localeCompare(b.demandPostingId),
  );
  const score = scoreColumn(side);
  // The demand's view explains a pair; the supply's explanation is used only until the demand has one.
  const reasonsFromThisSide = side === 'demand' ? 'true' : 'r.demand_score IS NULL';
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await m.query(
      `INSERT INTO recommendations AS r (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
                                         ${score}, reasons, matched_terms)
       SELECT d, s, de, se, sc, string_to_array(rs, E'\\x1f'), string_to_array(mt, E'\\x1f')
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::float8[], $6::text[], $7::text[])
              AS t(d, s, de, se, sc, rs, mt)
       ON CONFLICT ON CONSTRAINT uq_recommendations_pair DO UPDATE
          SET ${score} = EXCLUDED.${score},
              reasons = CASE WHEN ${reasonsFromThisSide} THEN EXCLUDED.reasons ELSE r.reasons END,
              matched_terms = CASE WHEN ${reasonsFromThisSide} THEN EXCLUDED.matched_terms ELSE r.matched_terms END`,
      [
        chunk.map((p) => p.demandPostingId),
        chunk.map((p) => p.supplyPostingId),
        chunk.map((p) => p.demandEnterpriseId),
        chunk.map((p) => p.supplyEnterpriseId),
        chunk.map((p) => p.score),
        chunk.map((p) => p.reasons.join(LIST_SEPARATOR)),
        chunk.map((p) => p.matchedTerms.join(LIST_SEPARATOR)),
      ],
    );
  }
  const column = postingColumn(side);
  await m.query(
    `UPDATE recommendations r SET ${score} = NULL
      WHERE r.${column} = ANY($1::uuid[]) AND r.${score} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[]) AS k(d, s)
                         WHERE k.d = r.demand_posting_id AND k.s = r.supply_posting_id)`,
    [queryPostingIds, rows.map((p) => p.demandPostingId), rows.map((p) => p.supplyPostingId)],
  );
  const deleted: [unknown[], number] = await m.query(
    `DELETE FROM recommendations
      WHERE ${column} = ANY($1::uuid[]) AND status = 'new' AND demand_score IS NULL AND supply_score IS NULL`,
    [queryPostingIds],
  );
  // the next match run writes these lists again instead of trusting the digests of the lists it wrote
  await m.query(`DELETE FROM match_list_digests WHERE posting_id = ANY($1::uuid[])`, [queryPostingIds]);
  return { written: rows.length, removed: deleted[1] ?? 0 };
}
