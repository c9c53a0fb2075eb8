import {
  counterpartKind,
  DEFAULT_MATCH_WEIGHTS,
  listFingerprint,
  type MatchResult,
  type MatchWeights,
  type PostingKind,
  type ScoredList,
} from '@app/match-engine';
import { EntityManager } from 'typeorm';
import { copyInto, copyText } from '../common/copy-into';
import { ListDigests } from './list-digests';
import { PairCounter } from './pair-counter';
import { LIST_SEPARATOR, type QueryPosting } from './recommendation-writer';

/** Rows per chunk written to a COPY stream. */
const COPY_CHUNK_ROWS = 2_000;

/**
 * A run's lists, in chunks as they are computed: each query once, in any order; demands first lets unchanged
 * supply lists be kept (see `ListDigests`). A full run's come from the scoring threads with their fingerprints
 * and pairs as numbers, their results built only for the lists that are written.
 */
export type RunLists = AsyncIterable<Iterable<ScoredList>>;

/**
 * Lists already computed (a cluster's run), as RunLists: fingerprinted here, their postings numbered by kind in
 * the order met. A list of a posting that is no query of the run is left out, as the writer would. `weights`
 * are those the lists were explained with (a full run's threads fingerprint with the index's).
 */
export async function* runListsOf(
  queries: readonly QueryPosting[],
  lists: Iterable<readonly [string, readonly MatchResult[]]>,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): AsyncGenerator<ScoredList[]> {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const numbers: Record<PostingKind, Map<string, number>> = { demand: new Map(), supply: new Map() };
  const numberOf = (kind: PostingKind, id: string): number => {
    let n = numbers[kind].get(id);
    if (n === undefined) numbers[kind].set(id, (n = numbers[kind].size));
    return n;
  };
  const out: ScoredList[] = [];
  for (const [postingId, results] of lists) {
    const query = byId.get(postingId);
    if (!query) continue;
    const other = counterpartKind(query.kind);
    out.push({
      postingId,
      number: numberOf(query.kind, postingId),
      counterparts: results.map((r) => numberOf(other, r.postingId)),
      counterpartId: (i) => results[i].postingId,
      score: (i) => results[i].score,
      fingerprint: listFingerprint(
        query.kind,
        postingId,
        query.enterpriseId,
        results,
        weights.explain.maxReasonTerms,
      ),
      results: () => results,
    });
  }
  yield out;
}

/**
 * Stores the lists of a whole match run (every published posting, or a cluster's) in one transaction, with the
 * same rules as `storeLists` for each side: a query posting's score is set on the pairs of its list and taken
 * off the pairs that left it; pairs on no list and still `new` are deleted; statuses people set never change.
 *
 * Only lists that changed since the run that last wrote them are written (see `ListDigests`); a re-run where
 * nothing changed writes nothing. Set-based instead of per side and per 5,000 rows: the changed lists are
 * streamed with COPY into temporary tables as they come, both directions of a pair are merged into one row (the
 * demand's explanation wins, as in `storeLists`), existing pairs are updated only where a value changed, new ones
 * inserted in key order, and two anti-joins clear what left the lists. `written` counts the distinct pairs on
 * the run's lists, written or not. As in `storeLists`, `updated_at` is left as it is (HOT updates).
 */
export async function storeRunLists(
  m: EntityManager,
  queries: readonly QueryPosting[],
  lists: RunLists,
): Promise<{ written: number; removed: number }> {
  await m.query(`CREATE TEMP TABLE run_queries (id uuid PRIMARY KEY, digest text NOT NULL) ON COMMIT DROP`);
  await m.query(`
    CREATE TEMP TABLE run_pairs (side smallint NOT NULL, d uuid NOT NULL, s uuid NOT NULL, de uuid NOT NULL,
                                 se uuid NOT NULL, score float8 NOT NULL, reasons text NOT NULL, terms text NOT NULL)
    ON COMMIT DROP`);
  const digests = await ListDigests.load(m, queries);
  const { rewritten, pairs } = await loadChangedPairs(m, digests, lists);
  await copyInto(
    m,
    'COPY run_queries (id, digest) FROM STDIN',
    (function* () {
      for (let i = 0; i < rewritten.length; i += COPY_CHUNK_ROWS) {
        yield rewritten
          .slice(i, i + COPY_CHUNK_ROWS)
          .map(({ id, digest }) => `${id}\t${digest}\n`)
          .join('');
      }
    })(),
  );
  await m.query(`ANALYZE run_queries`);
  await m.query(`ANALYZE run_pairs`);
  await upsertPairs(m);
  for (const [score, column, side] of [
    ['demand_score', 'demand_posting_id', 0],
    ['supply_score', 'supply_posting_id', 1],
  ] as const) {
    await m.query(
      `UPDATE recommendations r SET ${score} = NULL
         FROM run_queries q
        WHERE q.id = r.${column} AND r.${score} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM run_pairs p
                           WHERE p.side = ${side} AND p.d = r.demand_posting_id AND p.s = r.supply_posting_id)`,
    );
  }
  const deleted: [unknown[], number] = await m.query(
    `DELETE FROM recommendations r
      WHERE r.status = 'new' AND r.demand_score IS NULL AND r.supply_score IS NULL
        AND (r.demand_posting_id IN (SELECT id FROM run_queries) OR r.supply_posting_id IN (SELECT id FROM run_queries))`,
  );
  await m.query(`
    INSERT INTO match_list_digests (posting_id, digest) SELECT q.id, decode(q.digest, 'hex') FROM run_queries q
    ON CONFLICT (posting_id) DO UPDATE SET digest = EXCLUDED.digest`);
  return { written: pairs, removed: deleted[1] ?? 0 };
}

/**
 * One row per (query, result) of the lists that changed, side 0 when the query is the demand, streamed with COPY
 * as the lists come (a chunk is stored before the next is pulled). Returns the queries whose lists are written
 * (a posting published after the index was built has no list, and is not treated as a query with an empty
 * list: that would clear what its own match wrote) and the number of distinct pairs on all lists.
 */
async function loadChangedPairs(
  m: EntityManager,
  digests: ListDigests,
  lists: RunLists,
): Promise<{ rewritten: Array<{ id: string; digest: string }>; pairs: number }> {
  const rewritten: Array<{ id: string; digest: string }> = [];
  const pairs = new PairCounter();
  async function* lines(): AsyncGenerator<string> {
    for await (const chunk of lists) {
      let text = '';
      for (const list of chunk) {
        const query = digests.query(list.postingId);
        if (!query) continue;
        const counterparts = list.counterparts;
        for (let i = 0; i < counterparts.length; i++) {
          if (query.kind === 'demand') pairs.add(0, list.number, counterparts[i]);
          else pairs.add(1, counterparts[i], list.number);
        }
        const digest = digests.keepIfUnchanged(query, list);
        if (digest === null) continue;
        rewritten.push({ id: query.id, digest });
        text += copyRows(query, list.results());
      }
      if (text) yield text;
    }
  }
  await copyInto(m, 'COPY run_pairs (side, d, s, de, se, score, reasons, terms) FROM STDIN', lines());
  return { rewritten, pairs: pairs.total() };
}

/** A written list's rows for run_pairs, side 0 when the query is the demand. */
function copyRows(query: QueryPosting, results: readonly MatchResult[]): string {
  const side = query.kind === 'demand' ? 0 : 1;
  let rows = '';
  for (const r of results) {
    // no pair object per result: 2M of them a 100k × 100k run
    const demand = side === 0 ? query : r;
    const supply = side === 0 ? r : query;
    const d = side === 0 ? query.id : r.postingId;
    const s = side === 0 ? r.postingId : query.id;
    rows += `${side}\t${d}\t${s}\t${demand.enterpriseId}\t${supply.enterpriseId}\t${r.score}\t${copyText(r.reasons.join(LIST_SEPARATOR))}\t${copyText(r.matchedTerms.join(LIST_SEPARATOR))}\n`;
  }
  return rows;
}

/** A side's score after the run: replaced when that posting is a query of the run, else left as it is. */
const DEMAND_SCORE = 'CASE WHEN x.dq THEN x.ds ELSE r.demand_score END';
const SUPPLY_SCORE = 'CASE WHEN x.sq THEN x.ss ELSE r.supply_score END';
/** The demand's explanation wins; the supply's is used while the demand side holds no score. */
const TAKES_NEW_REASONS = 'x.has_d OR x.dq OR r.demand_score IS NULL';

/**
 * Both directions of a pair in one row (`run_merged`), then existing rows updated where a value changed and
 * new pairs inserted in key order. `dq`/`sq`: the demand/supply is a query of this run. A pair's enterprises
 * follow from its postings (both sides' rows come from the same index), so grouping by them too changes no group
 * (were they ever to differ, the insert below would fail, not write two rows); with no ordered aggregate the
 * grouping may hash rather than sort: 6.3 → 4.9 s for 2M rows of a 100k × 100k run, where taking the
 * enterprises with `(array_agg(..))[1]` instead of grouping by them cost ~2 s more.
 */
async function upsertPairs(m: EntityManager): Promise<void> {
  await m.query(`
    CREATE TEMP TABLE run_merged ON COMMIT DROP AS
    SELECT x.d, x.s, x.de, x.se, x.ds, x.ss, x.has_d,
           string_to_array(COALESCE(x.reasons_d, x.reasons_s), E'\\x1f') AS reasons,
           string_to_array(COALESCE(x.terms_d, x.terms_s), E'\\x1f') AS terms,
           EXISTS (SELECT 1 FROM run_queries q WHERE q.id = x.d) AS dq,
           EXISTS (SELECT 1 FROM run_queries q WHERE q.id = x.s) AS sq
      FROM (SELECT p.d, p.s, p.de, p.se, bool_or(p.side = 0) AS has_d,
                   max(p.score) FILTER (WHERE p.side = 0) AS ds, max(p.score) FILTER (WHERE p.side = 1) AS ss,
                   max(p.reasons) FILTER (WHERE p.side = 0) AS reasons_d,
                   max(p.reasons) FILTER (WHERE p.side = 1) AS reasons_s,
                   max(p.terms) FILTER (WHERE p.side = 0) AS terms_d,
                   max(p.terms) FILTER (WHERE p.side = 1) AS terms_s
              FROM run_pairs p GROUP BY p.d, p.s, p.de, p.se) x`);
  await m.query(`ANALYZE run_merged`);
  await m.query(`
    UPDATE recommendations r
       SET demand_score = ${DEMAND_SCORE}, supply_score = ${SUPPLY_SCORE},
           reasons = CASE WHEN ${TAKES_NEW_REASONS} THEN x.reasons ELSE r.reasons END,
           matched_terms = CASE WHEN ${TAKES_NEW_REASONS} THEN x.terms ELSE r.matched_terms END
      FROM run_merged x
     WHERE r.demand_posting_id = x.d AND r.supply_posting_id = x.s
       AND (r.demand_score, r.supply_score, r.reasons, r.matched_terms)
           IS DISTINCT FROM (${DEMAND_SCORE}, ${SUPPLY_SCORE},
                             CASE WHEN ${TAKES_NEW_REASONS} THEN x.reasons ELSE r.reasons END,
                             CASE WHEN ${TAKES_NEW_REASONS} THEN x.terms ELSE r.matched_terms END)`);
  // a pair another writer inserted meanwhile keeps its other side's score
  await m.query(`
    INSERT INTO recommendations AS r (demand_posting_id, supply_posting_id, demand_enterprise_id,
                                      supply_enterprise_id, demand_score, supply_score, reasons, matched_terms)
    SELECT x.d, x.s, x.de, x.se, x.ds, x.ss, x.reasons, x.terms
      FROM run_merged x
     WHERE NOT EXISTS (SELECT 1 FROM recommendations e WHERE e.demand_posting_id = x.d AND e.supply_posting_id = x.s)
     ORDER BY x.d, x.s
    ON CONFLICT ON CONSTRAINT uq_recommendations_pair DO UPDATE
       SET demand_score = COALESCE(EXCLUDED.demand_score, r.demand_score),
           supply_score = COALESCE(EXCLUDED.supply_score, r.supply_score)`);
}
