import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Caller } from '../common/caller';
import { Page, PageQuery, pageRows } from '../common/page';
import { AuditLogEntity } from './audit-log.entity';

export type AuditAction = 'create' | 'update' | 'delete' | 'transition' | 'import';

export interface AuditQuery extends PageQuery {
  entity?: string;
  userId?: string;
  from?: string;
  to?: string;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password']);

/** A plain JSON snapshot without secrets; Dates become ISO strings. */
function snapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  for (const key of SECRET_FIELDS) delete json[key];
  return json;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  /** Writes inside the caller's transaction, so a write and its audit row land together or not at all. */
  async record(
    manager: EntityManager,
    caller: Caller,
    action: AuditAction,
    entity: string,
    entityId: string | null,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    const row = manager.create(AuditLogEntity, {
      userId: caller.userId,
      username: caller.username,
      action,
      entity,
      entityId,
      before: snapshot(before),
      after: snapshot(after),
    });
    await manager.save(AuditLogEntity, row);
  }

  async list(query: AuditQuery): Promise<Page<AuditLogEntity>> {
    const qb = this.repo.createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.userId) qb.andWhere('a.user_id = :userId', { userId: query.userId });
    if (query.from)
      qb.andWhere(`a.at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, { from: query.from });
    if (query.to) {
      qb.andWhere(`a.at < ((:to::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { to: query.to });
    }
    if (query.q) qb.andWhere('(a.username ILIKE :q OR a.entity_id ILIKE :q)', { q: `%${query.q}%` });
    const [items, total] = await pageRows(qb, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
