import { chinaToday, MatchIndex, type Tokenizer } from '@app/match-engine';
import { EntityManager } from 'typeorm';
import { loadClusterNeighbours } from '../matching/cluster-neighbours';
import { loadEventDocuments } from '../matching/posting-documents';

/** Counterparts kept per posting among an event's participants: more than a list shows, for the scheduler. */
export const EVENT_CANDIDATES_PER_POSTING = 20;

/**
 * Matches an event's participants against each other only (the global top-10 of a posting rarely names the
 * enterprises in the room), and replaces the event's candidate pairs. Deterministic, so a retry writes the same.
 */
export async function matchEventParticipants(
  m: EntityManager,
  eventId: string,
  tokenizer: Tokenizer,
): Promise<{ postings: number; pairs: number }> {
  const docs = await loadEventDocuments(m, eventId);
  const index = MatchIndex.build(docs, {
    tokenizer,
    clusterNeighbours: await loadClusterNeighbours(m),
  });
  const lists = index.matchAll({ today: chinaToday(), limit: EVENT_CANDIDATES_PER_POSTING, mode: 'exact' });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const pairs = new Map<
    string,
    { d: string; s: string; score: number; reasons: string[]; terms: string[] }
  >();
  for (const [queryId, results] of lists) {
    const query = byId.get(queryId)!;
    for (const r of results) {
      const [d, s] = query.kind === 'demand' ? [query.id, r.postingId] : [r.postingId, query.id];
      const key = `${d}|${s}`;
      const known = pairs.get(key);
      // A pair found from both sides keeps its better score; the demand's explanation wins a tie.
      if (!known || r.score > known.score)
        pairs.set(key, { d, s, score: r.score, reasons: r.reasons, terms: r.matchedTerms });
    }
  }
  const rows = [...pairs.values()];
  await m.query('DELETE FROM event_candidates WHERE event_id = $1', [eventId]);
  if (rows.length) {
    await m.query(
      `INSERT INTO event_candidates (event_id, demand_posting_id, supply_posting_id, demand_enterprise_id,
                                     supply_enterprise_id, score, reasons, matched_terms)
       SELECT $1, t.d, t.s, dp.enterprise_id, sp.enterprise_id, t.sc,
              ARRAY(SELECT json_array_elements_text(t.rs)), ARRAY(SELECT json_array_elements_text(t.mt))
         FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::json[], $6::json[]) AS t(d, s, sc, rs, mt)
         JOIN postings dp ON dp.id = t.d
         JOIN postings sp ON sp.id = t.s`,
      [
        eventId,
        rows.map((r) => r.d),
        rows.map((r) => r.s),
        rows.map((r) => r.score),
        rows.map((r) => JSON.stringify(r.reasons)),
        rows.map((r) => JSON.stringify(r.terms)),
      ],
    );
  }
  return { postings: docs.length, pairs: rows.length };
}
