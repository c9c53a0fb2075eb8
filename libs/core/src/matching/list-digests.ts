import type { ScoredList } from '@app/match-engine';
import type { EntityManager } from 'typeorm';
import type { QueryPosting } from './recommendation-writer';

/** A demand list kept as stored, in `demandLists`. */
const KEPT = -1;

/**
 * Which lists of a match run changed since they were last written (table `match_list_digests`: each posting's
 * list fingerprint, see `listFingerprint`). A list with the same fingerprint shows the same rows (its scores to
 * two decimals), so it need not be written again, provided nothing else wrote its side since: `storeLists` (a
 * single posting's match) deletes its postings' digests, and nothing else writes scores or explanations. Digests
 * written before the fingerprints (SHA-1s of the rows), or before they covered scores to two decimals only
 * (session 14), match none, so the first run after either writes every list once.
 *
 * A demand's unchanged list is kept as stored. A supply's is kept only when every demand on it that this run
 * writes still lists it: a pair's explanation is the demand's while the demand lists it, else the supply's, so a
 * demand that dropped the pair needs the supply's explanation back. Lists come demand first from a full run; a
 * demand of the run not yet seen counts as having dropped it. Demands are told apart by their numbers in the run
 * (`ScoredList.number`), so a kept list costs no string lookups.
 */
export class ListDigests {
  /** By demand number: KEPT, or where its written list's supply numbers start in `written` (count first). */
  private readonly demandLists: number[] = [];
  private written = new Int32Array(1 << 16);
  private writtenEnd = 0;

  private constructor(
    private readonly queries: ReadonlyMap<string, QueryPosting>,
    /** Emptied as the lists come: a run's peak memory is at the end of its scoring. */
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

  /** null when the list can stay as stored; else its new digest, to store. */
  keepIfUnchanged(query: QueryPosting, list: ScoredList): string | null {
    const unchanged = list.fingerprint === this.stored.get(query.id);
    this.stored.delete(query.id);
    if (query.kind === 'demand') {
      this.demandLists[list.number] = unchanged ? KEPT : this.keepWritten(list.counterparts);
      return unchanged ? null : list.fingerprint;
    }
    if (!unchanged) return list.fingerprint;
    for (let i = 0; i < list.counterparts.length; i++)
      if (!this.demandKeepsPair(list, i)) return list.fingerprint;
    return null;
  }

  /** Whether the pair of supply list `list` and its counterpart `i` keeps the demand's explanation. */
  private demandKeepsPair(list: ScoredList, i: number): boolean {
    const at = this.demandLists[list.counterparts[i]];
    if (at === KEPT) return true;
    // a demand that is no query of this run keeps its list as stored
    if (at === undefined) return !this.queries.has(list.counterpartId(i));
    const { written } = this;
    for (let k = at + 1; k <= at + written[at]; k++) if (written[k] === list.number) return true;
    return false;
  }

  /** Appends a written demand list's supply numbers (count first); returns where. */
  private keepWritten(supplies: ArrayLike<number>): number {
    if (this.writtenEnd + 1 + supplies.length > this.written.length) {
      const grown = new Int32Array(2 * (this.writtenEnd + 1 + supplies.length));
      grown.set(this.written.subarray(0, this.writtenEnd));
      this.written = grown;
    }
    const at = this.writtenEnd;
    this.written[at] = supplies.length;
    for (let k = 0; k < supplies.length; k++) this.written[at + 1 + k] = supplies[k];
    this.writtenEnd += 1 + supplies.length;
    return at;
  }
}
