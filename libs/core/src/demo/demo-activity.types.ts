import type { EventStatus, EventType } from '../events/event.entity';
import type { MeetingStatus } from '../events/meeting.entity';
import type { IntentStage } from '../intents/intent.entity';
import type { PostingCategory, PostingKind, PostingStatus } from '../postings/posting.entity';

/** Demo activity rows are plain objects linked by credit codes and keys; the seed maps them to ids. */

export interface DemoPosting {
  enterpriseCreditCode: string;
  kind: PostingKind;
  category: PostingCategory;
  title: string;
  description: string;
  keywords: string[];
  clusterCode: string;
  regionCode: string;
  /** YYYY-MM-DD */
  validUntil: string;
  amountWan: number | null;
  status: PostingStatus;
  /** ISO date-time; null for drafts. */
  publishedAt: string | null;
  /** ISO date-time. */
  createdAt: string;
}

export type ParticipantRole = 'buyer' | 'supplier' | 'exhibitor' | 'visitor';

export interface DemoParticipant {
  enterpriseCreditCode: string;
  role: ParticipantRole;
  /** ISO date-time, or null when not checked in. */
  checkedInAt: string | null;
}

export interface DemoEvent {
  /** Unique within the data set: links participants, meetings and intents. */
  key: string;
  title: string;
  type: EventType;
  associationCreditCode: string;
  coOrganiserCreditCodes: string[];
  clusterCodes: string[];
  startDate: string;
  endDate: string;
  regionCode: string;
  venue: string | null;
  visits: number | null;
  description: string;
  status: EventStatus;
  heldAt: string | null;
  closedAt: string | null;
  createdAt: string;
  participants: DemoParticipant[];
}

export interface DemoMeeting {
  /** Unique within the data set. */
  key: string;
  eventKey: string;
  slotStart: string;
  slotEnd: string;
  table: number;
  demandCreditCode: string;
  supplyCreditCode: string;
  score: number;
  status: MeetingStatus;
}

export interface DemoIntent {
  enterpriseCreditCode: string;
  counterpartCreditCode: string | null;
  counterpartName: string | null;
  counterpartRegionCode: string | null;
  eventKey: string | null;
  meetingKey: string | null;
  clusterCode: string | null;
  title: string;
  amountWan: number;
  stage: IntentStage;
  reachedOn: string;
  signedOn: string | null;
  landedOn: string | null;
  droppedOn: string | null;
}

export interface DemoIntentTransition {
  intentIndex: number;
  fromStage: IntentStage;
  toStage: IntentStage;
  onDate: string;
  note: string | null;
}

export interface DemoActivity {
  /** The day the activity is generated around (YYYY-MM-DD, Asia/Shanghai). */
  today: string;
  postings: DemoPosting[];
  events: DemoEvent[];
  meetings: DemoMeeting[];
  intents: DemoIntent[];
  transitions: DemoIntentTransition[];
}
