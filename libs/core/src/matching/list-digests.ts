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
 * A demand's unchanged list is kept as stored. A supply's is kept only when every demand on it that this run
 * writes still lists it: a pair's explanation is the demand's while the demand lists it, else the supply's, so a
 * demand that dropped the pair needs the supply's explanation back. Lists come demand first from a full run; a
 * demand of the run not yet seen counts as having dropped it.
 */
export class ListDigests {
  private readonly keptDemands = new Set<string>();
  /** The supplies on each demand list this run writes: arrays, smaller than Sets (a first run writes 100k). */
  private readonly writtenDemands = new Map<string, readonly string[]>();

  private constructor(
    private readonly queries: ReadonlyMap<string, QueryPosting>,
    /** Emptied as the lists come: a run's peak memory is at the end of its scoring (~17 MB for 200k digests). */
    private readonly stored: Map<string, string>,
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
    const unchanged = digest === this.stored.get(query.id);
    this.stored.delete(query.id);
    if (query.kind === 'demand') {
      if (unchanged) {
        this.keptDemands.add(query.id);
        return null;
      }
      this.writtenDemands.set(
        query.id,
        results.map((r) => r.postingId),
      );
      return digest;
    }
    return unchanged && results.every((r) => this.demandKeepsPair(r.postingId, query.id)) ? null : digest;
  }

  /** Whether the pair keeps the demand's explanation as stored or as this run writes it. */
  private demandKeepsPair(demandId: string, supplyId: string): boolean {
    return (
      !this.queries.has(demandId) ||
      this.keptDemands.has(demandId) ||
      this.writtenDemands.get(demandId)?.includes(supplyId) === true
    );
  }
}
