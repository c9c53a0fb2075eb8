import type { CorpusStatistics, KindStatistics, MatchIndex, PostingKind } from '@app/match-engine';
import { DataSource, EntityManager } from 'typeorm';

/**
 * When the statistics matching scores with are taken again from the published postings. Between two takings a
 * posting's edit moves the scores of its own pairs only, so a match run rewrites only the lists that changed;
 * taking them again moves every score a little, and the next run rewrites the lists where that shows: their order,
 * counterparts, explanations or scores to two decimals (see `listFingerprint`).
 */
export const STATISTICS_RENEWAL = {
  /** Below this many published postings of either kind, score with the postings' own statistics: a small
   *  corpus's statistics move a lot with each posting, and its runs are cheap anyway. */
  minDocuments: 1000,
  /** Take them again once either kind's number of postings moved by more than this share… */
  maxDrift: 0.05,
  /** …or they are older than this. */
  maxAgeMs: 7 * 24 * 3600 * 1000,
};

export type KindCounts = Record<PostingKind, number>;

interface Stored {
  statistics: CorpusStatistics;
  takenAt: number;
}

interface StatisticsRow {
  kind: PostingKind;
  documents: number;
  average_lengths: number[];
  terms: string[];
  frequencies: number[];
  taken_at: Date;
}

/**
 * Keeps the frozen statistics of this process in step with the database's (one copy for every worker process,
 * so that they all score alike), and decides for each build of the index whether it scores with them.
 */
export class CorpusStatisticsKeeper {
  private held: Stored | null = null;

  constructor(private readonly db: DataSource) {}

  /** Version of the stored statistics (their taking time), null when there are none. */
  async version(): Promise<number | null> {
    const [row]: { taken_at: Date | null }[] = await this.db.query(
      `SELECT max(taken_at) AS taken_at FROM match_corpus_statistics`,
    );
    return row.taken_at ? row.taken_at.getTime() : null;
  }

  /**
   * The statistics a build over postings of these counts scores with, and their version; none (score with the
   * postings' own, then `keep` them) when the corpus is small, or the stored ones are missing or due.
   */
  async forBuild(counts: KindCounts): Promise<{ statistics?: CorpusStatistics; version: number | null }> {
    if (tooSmall(counts)) return { version: null };
    const version = await this.version();
    if (version === null) return { version };
    if (this.held?.takenAt !== version) this.held = await this.load();
    if (!this.held || due(this.held, counts, Date.now())) return { version: null };
    return { statistics: this.held.statistics, version: this.held.takenAt };
  }

  /** After a build that scored with its own statistics: stores them for the next builds; returns their version. */
  async keep(index: MatchIndex, counts: KindCounts): Promise<number | null> {
    if (tooSmall(counts)) return null;
    const statistics = index.statistics();
    this.held = { statistics, takenAt: await save(this.db.manager, statistics) };
    return this.held.takenAt;
  }

  private async load(): Promise<Stored | null> {
    const rows: StatisticsRow[] = await this.db.query(`SELECT * FROM match_corpus_statistics`);
    const of = (kind: PostingKind) => rows.find((r) => r.kind === kind);
    const demand = of('demand');
    const supply = of('supply');
    if (!demand || !supply) return null;
    return {
      statistics: { demand: fromRow(demand), supply: fromRow(supply) },
      takenAt: Math.max(demand.taken_at.getTime(), supply.taken_at.getTime()),
    };
  }
}

function tooSmall(counts: KindCounts): boolean {
  return Math.min(counts.demand, counts.supply) < STATISTICS_RENEWAL.minDocuments;
}

function due(stored: Stored, counts: KindCounts, now: number): boolean {
  if (now - stored.takenAt > STATISTICS_RENEWAL.maxAgeMs) return true;
  return (['demand', 'supply'] as const).some((kind) => {
    const then = stored.statistics[kind].documents;
    return Math.abs(counts[kind] - then) > STATISTICS_RENEWAL.maxDrift * then;
  });
}

function fromRow(r: StatisticsRow): KindStatistics {
  const [title, keywords, description] = r.average_lengths.map(Number);
  return {
    documents: r.documents,
    averageLengths: [title, keywords, description],
    documentFrequencies: new Map(r.terms.map((t, i) => [t, r.frequencies[i]])),
  };
}

/** Both kinds in one statement, with one taking time; returns it. */
async function save(m: EntityManager, s: CorpusStatistics): Promise<number> {
  const kinds = ['demand', 'supply'] as const;
  const [row]: { taken_at: Date }[] = await m.query(
    `INSERT INTO match_corpus_statistics (kind, documents, average_lengths, terms, frequencies, taken_at)
     SELECT k.kind, k.documents, ARRAY[k.title, k.keywords, k.description], k.terms, k.frequencies,
            now()
       FROM json_to_recordset($1::json) AS k(kind text, documents int, title float8, keywords float8,
                                              description float8, terms text[], frequencies int[])
     ON CONFLICT (kind) DO UPDATE SET documents = EXCLUDED.documents, average_lengths = EXCLUDED.average_lengths,
            terms = EXCLUDED.terms, frequencies = EXCLUDED.frequencies, taken_at = EXCLUDED.taken_at
     RETURNING taken_at`,
    [
      JSON.stringify(
        kinds.map((kind) => {
          const k = s[kind];
          return {
            kind,
            documents: k.documents,
            title: k.averageLengths[0],
            keywords: k.averageLengths[1],
            description: k.averageLengths[2],
            terms: [...k.documentFrequencies.keys()],
            frequencies: [...k.documentFrequencies.values()],
          };
        }),
      ),
    ],
  );
  return row.taken_at.getTime();
}
