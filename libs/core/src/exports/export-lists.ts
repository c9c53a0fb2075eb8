import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import type { Page } from '../common/page';
import { EventsService } from '../events/events.service';
import { ParticipantsService } from '../events/participants.service';
import { IntentsService } from '../intents/intents.service';
import { PostingsService } from '../postings/postings.service';
import { EnterprisesService } from '../registry/enterprises.service';
import { MembershipsService } from '../registry/memberships.service';
import {
  AUDIT_EXPORT,
  ENTERPRISE_EXPORT,
  EVENT_EXPORT,
  INTENT_EXPORT,
  MEMBER_EXPORT,
  PARTICIPANT_EXPORT,
  POSTING_EXPORT,
  type ExcelExportSpec,
} from './list-columns';

export const EXPORT_LISTS = [
  'enterprises',
  'members',
  'postings',
  'events',
  'participants',
  'intents',
  'audit',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

type Query = Record<string, unknown> & { page: number; pageSize: number };
type Fetch = (caller: Caller, query: Query) => Promise<Page<unknown>>;

interface ListDefinition {
  spec: ExcelExportSpec;
  /** Who may export it (the same roles as the list route); scope is applied by the list's own service. */
  allowed: (caller: Caller) => boolean;
  /** A path parameter the list needs (members of an association, participants of an event). */
  parent?: 'associationId' | 'eventId';
  fetch: Fetch;
}

const registryReaders = (c: Caller) => c.role !== 'reviewer';
const parties = (c: Caller) => c.role !== 'reviewer';

/** Every list that can be exported in the background, read through its own service so scope rules hold. */
@Injectable()
export class ExportLists {
  private readonly lists: Record<ExportList, ListDefinition>;

  constructor(
    enterprises: EnterprisesService,
    members: MembershipsService,
    postings: PostingsService,
    events: EventsService,
    participants: ParticipantsService,
    intents: IntentsService,
    audit: AuditService,
  ) {
    this.lists = {
      enterprises: {
        spec: ENTERPRISE_EXPORT,
        allowed: registryReaders,
        fetch: (c, q) => enterprises.list(c, q) as Promise<Page<unknown>>,
      },
      members: {
        spec: MEMBER_EXPORT,
        allowed: (c) => isDepartment(c) || c.role === 'association_staff',
        parent: 'associationId',
        fetch: (c, q) => members.list(c, String(q.associationId), q) as Promise<Page<unknown>>,
      },
      postings: {
        spec: POSTING_EXPORT,
        allowed: parties,
        fetch: (c, q) => postings.list(c, q) as Promise<Page<unknown>>,
      },
      events: { spec: EVENT_EXPORT, allowed: () => true, fetch: (c, q) => events.list(c, q) },
      participants: {
        spec: PARTICIPANT_EXPORT,
        allowed: parties,
        parent: 'eventId',
        fetch: (c, q) => participants.list(c, String(q.eventId), q),
      },
      intents: { spec: INTENT_EXPORT, allowed: parties, fetch: (c, q) => intents.list(c, q) },
      audit: {
        spec: AUDIT_EXPORT,
        allowed: (c) => c.role === 'dept_admin',
        fetch: (_c, q) => audit.list(q) as Promise<Page<unknown>>,
      },
    };
  }

  of(list: ExportList): ListDefinition {
    return this.lists[list];
  }
}
