import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { notFound } from '../common/http-errors';
import { EventEntity } from './event.entity';

/**
 * Who sees and who manages an event, in one place. The department and reviewers see every event; association
 * staff the events their association organises or co-organises; enterprise users the events they take part in.
 * Only the organising association's staff and the department manage an event.
 */
@Injectable()
export class EventScope {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** SQL condition on an events alias, with its parameters numbered from `firstParam`. */
  visibleCondition(caller: Caller, alias: string, firstParam: number): { sql: string; params: unknown[] } {
    if (isDepartment(caller) || caller.role === 'reviewer') return { sql: 'true', params: [] };
    const p = `$${firstParam}`;
    if (caller.role === 'association_staff') {
      return {
        sql: `(${alias}.association_id = ${p} OR EXISTS (SELECT 1 FROM event_co_organisers co
                 WHERE co.event_id = ${alias}.id AND co.association_id = ${p}))`,
        params: [caller.associationId],
      };
    }
    return {
      sql: `EXISTS (SELECT 1 FROM event_participants vp WHERE vp.event_id = ${alias}.id AND vp.enterprise_id = ${p})`,
      params: [caller.enterpriseId],
    };
  }

  /** The event if the caller may see it; 404 otherwise (missing and out of scope read the same). */
  async visible(caller: Caller, eventId: string, m: EntityManager = this.db.manager): Promise<EventEntity> {
    const cond = this.visibleCondition(caller, 'e', 2);
    const rows: { id: string }[] = await m.query(
      `SELECT e.id FROM events e WHERE e.id = $1 AND ${cond.sql}`,
      [eventId, ...cond.params],
    );
    const event = rows.length ? await m.findOne(EventEntity, { where: { id: eventId } }) : null;
    if (!event) throw notFound('event');
    return event;
  }

  /** The event if the caller may manage it; one they may only see is 404 too, so nothing leaks. */
  async managed(
    caller: Caller,
    eventId: string,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<EventEntity> {
    const event = await m.findOne(EventEntity, {
      where: { id: eventId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!event || !this.canManage(caller, event)) throw notFound('event');
    return event;
  }

  canManage(caller: Caller, event: Pick<EventEntity, 'associationId'>): boolean {
    return (
      isDepartment(caller) ||
      (caller.role === 'association_staff' && caller.associationId === event.associationId)
    );
  }
}
