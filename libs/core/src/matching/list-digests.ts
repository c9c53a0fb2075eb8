import type { MatchResult } from '@app/match-engine';
import { hash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryPosting } from './recommendation-writer';

/**
 * Which lists of a match run changed since they were last written (table `match_list_digests`: a SHA-1 of the
 * rows a posting's list wrote, as COPY text). A list whose rows are the same need not be written again, provided
 * nothing else wrote its side since: `storeLists` (a single posting's match) deletes its postings' digests, and
 * nothing else writes scores or explanations.
 *
 * A demand's unchanged list is kept as stored. A supply's is kept only when no demand on it is written in this
 * run: a pair's explanation is the demand's while the demand lists it, else the supply's, so a demand list that
 * changed may need the supply's explanation again. Lists come demand first from a full run; a demand not yet
 * seen counts as written.
 */
export class ListDigests {
  private readonly keptDemands = new Set<string>();

  private constructor(
    private readonly queries: ReadonlyMap<string, QueryPosting>,
    private readonly stored: ReadonlyMap<string, string>,
  ) {}

  /** The stored digests of the run's queries. */
  static async load(m: EntityManager, queries: readonly QueryPosting[]): Promise<ListDigests> {
    const rows: { id: string; digest: string }[] = await m.query(
      `SELECT d.posting_id AS id, encode(d.digest, 'hex') AS digest
         FROM match_list_digests d WHERE d.posting_id = ANY($1::uuid[])`,
      [queries.map((q) => q.id)],
    );
    return new ListDigests(
      new Map(queries.map((q) => [q.id, q])),
      new Map(rows.map((r) => [r.id, r.digest])),
    );
  }

  /** The run's query with this posting id, if it is one. */
  query(postingId: string): QueryPosting | undefined {
    return this.queries.get(postingId);
  }

  /** null when the list (its COPY rows and its results) can stay as stored; else its new digest, to store. */
  keepIfUnchanged(query: QueryPosting, rows: string, results: readonly MatchResult[]): string | null {
    // the one-shot form: 200k Hash objects of a 100k × 100k run cost as much as the hashing
    const digest = hash('sha1', rows);
    if (digest !== this.stored.get(query.id)) return digest;
    if (query.kind === 'demand') {
      this.keptDemands.add(query.id);
      return null;
    }
    const demandsKept = results.every(
      (r) => !this.queries.has(r.postingId) || this.keptDemands.has(r.postingId),
    );
    return demandsKept ? null : digest;
  }
}
