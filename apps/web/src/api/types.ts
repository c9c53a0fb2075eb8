/** Shapes of the API's JSON, as in docs api-contract.md and the controllers' views. */
export type Role = 'dept_admin' | 'dept_staff' | 'association_staff' | 'enterprise_user' | 'reviewer';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  displayName?: string | null;
  associationId?: string;
  enterpriseId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[];
}

export interface Cluster {
  id: string;
  code: string;
  name: string;
  tier: 'world' | 'national' | 'regional';
  tierLabel?: string;
  base: string | null;
  description: string | null;
  leadAssociationId: string | null;
  leadAssociationName: string | null;
  chainCount: number;
  version: number;
}

export interface Association {
  id: string;
  name: string;
  creditCode: string;
  leadClusterIds: string[];
  leadClusters: { id: string; code: string; name: string }[];
  memberCount: number;
  contactName: string | null;
  contactPhone: string | null;
}

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string | null;
  industryCode: string | null;
  scale: 'large' | 'medium' | 'small' | 'micro';
  tier: 'leading' | 'backbone' | 'key' | null;
  clusterIds: string[];
  contactName: string | null;
  contactPhone: string | null;
}

export interface Member {
  id: string;
  associationId: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  contactName: string | null;
  contactPhone: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

export type PostingKind = 'demand' | 'supply';
/** Every posting category, in the order forms list them. */
export const POSTING_CATEGORIES = [
  'product',
  'technology',
  'capacity',
  'equipment',
  'service',
  'market',
] as const;
export type PostingCategory = (typeof POSTING_CATEGORIES)[number];
export type PostingStatus = 'draft' | 'published' | 'closed';

export interface Posting {
  id: string;
  enterpriseId: string;
  kind: PostingKind;
  category: PostingCategory;
  title: string;
  description: string;
  keywords: string[];
  clusterId: string | null;
  regionCode: string | null;
  validUntil: string | null;
  amountWan: number | null;
  status: PostingStatus;
  matchedVersion?: number | null;
  version: number;
  updatedAt: string;
}

/** A posting in a staff list: with its enterprise's name. */
export interface PostingListItem extends Posting {
  enterpriseName: string;
  publishedAt: string | null;
}

export type RecStatus = 'new' | 'viewed' | 'contacted' | 'meeting' | 'intent' | 'dismissed';

export interface MatchItem {
  recommendationId: string;
  postingId: string;
  enterpriseId: string;
  enterpriseName?: string;
  title: string;
  kind: PostingKind;
  category: PostingCategory;
  regionCode?: string | null;
  validUntil?: string | null;
  score: number;
  reasons: string[];
  matchedTerms?: string[];
  status: RecStatus;
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface MatchRun {
  id: string;
  status: JobStatus;
  progress: number;
  counts?: Record<string, number>;
  error?: string | null;
}

export type MatchRunScope = 'all' | 'cluster' | 'event' | 'posting';

/** A run in the list of match runs: who asked for it (null: the nightly schedule) and what it matched. */
export interface MatchRunListItem extends MatchRun {
  scope: MatchRunScope;
  purpose: 'match' | 'schedule';
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  scheduledFor: string | null;
  requestedBy: string | null;
  /** The cluster's name, or the event's or posting's title; null for a full run. */
  target: string | null;
}

/** A word published postings use and the dictionary cuts into single characters (GET /match-dictionary/gaps). */
export interface DictionaryGap {
  word: string;
  postings: number;
  enterprises: number;
  examples: { id: string; title: string }[];
  /** The line for the site's industrial-dict.txt. */
  dictionaryLine: string;
}

export interface DictionaryGapReport extends Page<DictionaryGap> {
  postingsInScope: number;
  postingsRead: number;
}

export interface NightlyMatchSchedule {
  cron: string;
  timeZone: string;
  nextRunAt: string | null;
}

export type EventType = 'matchmaking' | 'exhibition' | 'delegation' | 'study_tour' | 'forum' | 'online';
export type EventStatus = 'planned' | 'open' | 'held' | 'closed' | 'cancelled';

export interface ClusterRef {
  id: string;
  code: string;
  name: string;
}

export interface ClEvent {
  id: string;
  title: string;
  type: EventType;
  associationId: string;
  associationName?: string;
  clusterIds: string[];
  clusters?: ClusterRef[];
  startDate: string;
  endDate: string;
  regionCode: string;
  regionName?: string | null;
  venue?: string | null;
  visits?: number | null;
  description?: string;
  status: EventStatus;
  participants?: number;
}

export type ParticipantRole = 'buyer' | 'supplier' | 'exhibitor' | 'visitor';

export interface Participant {
  id: string;
  eventId: string;
  enterpriseId: string;
  enterpriseName?: string;
  creditCode?: string;
  role: ParticipantRole;
  checkedInAt?: string | null;
}

export type MeetingStatus = 'scheduled' | 'confirmed' | 'held' | 'no_show' | 'intent' | 'cancelled';

export interface Meeting {
  id: string;
  slotStart: string;
  slotEnd: string;
  table: number;
  demandEnterpriseId: string;
  demandEnterpriseName?: string;
  supplyEnterpriseId: string;
  supplyEnterpriseName?: string;
  recommendationId?: string | null;
  status: MeetingStatus;
}

export type IntentStage = 'intent' | 'signed' | 'landed' | 'dropped';

export interface Intent {
  id: string;
  title: string;
  enterpriseId: string;
  enterpriseName?: string;
  counterpartEnterpriseId?: string | null;
  counterpartEnterpriseName?: string | null;
  counterpartName?: string | null;
  eventId?: string | null;
  eventTitle?: string | null;
  clusterId?: string | null;
  amountWan?: number | null;
  currency?: string;
  reachedOn: string;
  stage?: IntentStage;
  status?: IntentStage;
  signedOn?: string | null;
  landedOn?: string | null;
  droppedOn?: string | null;
}

export interface StatsFigures {
  eventsHeld: number;
  visits: number;
  participants: number;
  enterprisesServed: number;
  meetings: number;
  recommendations: number;
  intents: number;
  intentAmountWan: number;
  signed: number;
  signedAmountWan: number;
  landed: number;
  dropped: number;
}

export interface StatsItem extends StatsFigures {
  key: string;
  label: string;
}

export interface Attention {
  clustersWithoutLead: { id: string; code: string; name: string }[];
  idleAssociations: { id: string; name: string; lastEventDate: string | null }[];
  unclosedEvents: { id: string; title: string; endDate: string }[];
  stuckIntents: { id: string; title: string; reachedOn: string }[];
}

export interface Targets {
  year?: number;
  events: number;
  enterprisesServed: number;
  intents: number;
}

/** GET|PUT /targets/:year: the year's targets (null while unset), actual figures and what is due by today. */
export interface TargetView {
  year: number;
  events: number | null;
  enterprisesServed: number | null;
  intents: number | null;
  actual?: Targets;
  expectedByToday?: { events: number | null; enterprisesServed: number | null; intents: number | null };
  yearElapsed?: number;
  updatedAt?: string | null;
}

export type ExportList =
  'enterprises' | 'members' | 'postings' | 'events' | 'participants' | 'intents' | 'audit';

/** A background export (POST /exports, GET /exports, GET /exports/:id). */
export interface ExportJob {
  id: string;
  list: ExportList;
  query: Record<string, unknown>;
  status: JobStatus;
  progress: number;
  rows: number;
  fileName: string | null;
  fileSize: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportJob {
  id: string;
  kind?: string;
  status: JobStatus;
  progress: number;
  total: number;
  imported: number;
  updated: number;
  rejected: number;
  errors: { row: number; column: string; message: string }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface UserRow {
  id: string;
  username: string;
  role: Role;
  displayName: string | null;
  associationId?: string | null;
  enterpriseId?: string | null;
  lastLoginAt?: string | null;
}
