import { DataSource } from 'typeorm';

/**
 * Tables whose rows feed the statistics. The cache's data version is, in one round trip: the newest change of
 * the busy tables (one index look-up each, so a committed write is seen at the next request) and PostgreSQL's
 * per-table insert/update/delete counters for all of them (which also catch deletes and link-table edits; the
 * statistics collector publishes them within a few seconds). A recommendation's `updated_at` moves with its status,
 * not when a match rewrites its scores, which no figure reads.
 */
const STATS_TABLES = [
  'events',
  'event_clusters',
  'event_participants',
  'meetings',
  'intents',
  'recommendations',
  'postings',
  'enterprises',
  'memberships',
  'associations',
  'clusters',
  'association_lead_clusters',
  'targets',
];

const VERSION_SQL = `
  SELECT concat_ws('|',
    (SELECT max(updated_at) FROM events),
    (SELECT max(created_at) FROM event_participants),
    (SELECT max(updated_at) FROM meetings),
    (SELECT max(updated_at) FROM intents),
    (SELECT max(updated_at) FROM recommendations),
    (SELECT max(updated_at) FROM enterprises),
    (SELECT max(updated_at) FROM targets),
    (SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables
      WHERE schemaname = current_schema() AND relname = ANY($1::text[]))
  ) AS version`;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

/**
 * Results of statistics queries keyed by route and filter, valid while the data version is unchanged. Every
 * read asks the database for the version (about a millisecond); a changed version recomputes. Requests that miss
 * at the same time share one computation. Bounded in size and age.
 */
export class StatsCache {
  private readonly entries = new Map<string, Entry>();
  enabled = true;

  constructor(
    private readonly db: DataSource,
    private readonly maxEntries = 500,
    private readonly maxAgeMs = 10 * 60_000,
  ) {}

  async version(): Promise<string> {
    const [row]: { version: string }[] = await this.db.query(VERSION_SQL, [STATS_TABLES]);
    return row.version;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const version = await this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.maxAgeMs) {
      // refresh its place in the LRU order
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    const entry: Entry = { version, at: Date.now(), value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
