import type { MatchDocument } from '@app/match-engine';
import { EntityManager } from 'typeorm';
import type { QueryPosting } from './recommendation-writer';

interface PostingRow {
  id: string;
  enterprise_id: string;
  kind: MatchDocument['kind'];
  category: MatchDocument['category'];
  title: string;
  description: string;
  keywords: string[];
  cluster_id: string | null;
  region_code: string | null;
  valid_until: string | null;
  status: MatchDocument['status'];
  tier: MatchDocument['tier'];
  version: number;
}

export interface LoadedDocument {
  doc: MatchDocument;
  version: number;
}

const SELECT = `
  SELECT p.id, p.enterprise_id, p.kind, p.category, p.title, p.description, p.keywords, p.cluster_id,
         COALESCE(p.region_code, e.region_code) AS region_code, to_char(p.valid_until, 'YYYY-MM-DD') AS valid_until,
         p.status, e.tier, p.version
    FROM postings p JOIN enterprises e ON e.id = p.enterprise_id`;

const toLoaded = (r: PostingRow): LoadedDocument => ({
  doc: {
    id: r.id,
    enterpriseId: r.enterprise_id,
    kind: r.kind,
    category: r.category,
    title: r.title,
    description: r.description,
    keywords: r.keywords,
    clusterId: r.cluster_id,
    regionCode: r.region_code,
    validUntil: r.valid_until,
    status: r.status,
    tier: r.tier,
  },
  version: r.version,
});

/** A posting as the engine sees it: its enterprise's tier, and the enterprise's region when it names none. */
export async function loadDocument(m: EntityManager, postingId: string): Promise<LoadedDocument | null> {
  const rows: PostingRow[] = await m.query(`${SELECT} WHERE p.id = $1`, [postingId]);
  return rows.length ? toLoaded(rows[0]) : null;
}

/** Several postings by id, for a batch of matching jobs. */
export async function loadDocuments(m: EntityManager, postingIds: string[]): Promise<LoadedDocument[]> {
  const rows: PostingRow[] = await m.query(`${SELECT} WHERE p.id = ANY($1::uuid[]) ORDER BY p.id`, [
    postingIds,
  ]);
  return rows.map(toLoaded);
}

/** What a cache needs to know to decide whether it must read a posting again. */
export interface PostingVersion {
  id: string;
  kind: MatchDocument['kind'];
  status: MatchDocument['status'];
  version: number;
}

/** Every published posting, oldest change first: a cache's first look. */
export async function loadPublishedForCache(m: EntityManager): Promise<LoadedDocument[]> {
  const rows: PostingRow[] = await m.query(`${SELECT} WHERE p.status = 'published' ORDER BY p.updated_at`);
  return rows.map(toLoaded);
}

/**
 * Postings changed after `since` (every status, so closures reach the cache too), oldest first, without their
 * text: a cache's later looks overlap the previous ones and mostly meet versions it already holds.
 */
export async function loadChangedVersions(m: EntityManager, since: Date): Promise<PostingVersion[]> {
  return m.query(`SELECT id, kind, status, version FROM postings WHERE updated_at > $1 ORDER BY updated_at`, [
    since,
  ]);
}

/** Every published posting, or those of one cluster, in id order. */
export async function loadPublishedDocuments(
  m: EntityManager,
  clusterId: string | null,
): Promise<MatchDocument[]> {
  const rows: PostingRow[] = clusterId
    ? await m.query(`${SELECT} WHERE p.status = 'published' AND p.cluster_id = $1 ORDER BY p.id`, [clusterId])
    : await m.query(`${SELECT} WHERE p.status = 'published' ORDER BY p.id`);
  return rows.map((r) => toLoaded(r).doc);
}

/** Ids, kinds and enterprises of every published posting, in id order: the queries of a full re-match. */
export async function loadPublishedQueries(m: EntityManager): Promise<QueryPosting[]> {
  const rows: { id: string; kind: QueryPosting['kind']; enterprise_id: string }[] = await m.query(
    `SELECT id, kind, enterprise_id FROM postings WHERE status = 'published' ORDER BY id`,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, enterpriseId: r.enterprise_id }));
}

/** Published postings of an event's participants, in id order: the corpus of event-scope matching. */
export async function loadEventDocuments(m: EntityManager, eventId: string): Promise<MatchDocument[]> {
  const rows: PostingRow[] = await m.query(
    `${SELECT} WHERE p.status = 'published'
        AND p.enterprise_id IN (SELECT enterprise_id FROM event_participants WHERE event_id = $1)
      ORDER BY p.id`,
    [eventId],
  );
  return rows.map((r) => toLoaded(r).doc);
}
