import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { likePattern, offsetOf, Page, PageQuery } from '../common/page';
import { maskPhone } from '../common/phone-mask';
import { AssociationEntity } from './association.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { MembershipEntity } from './membership.entity';

export interface MembershipView {
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

@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Department roles manage any association's members; association staff only their own. */
  private assertManages(caller: Caller, associationId: string): void {
    if (isDepartment(caller)) return;
    if (caller.role === 'association_staff' && caller.associationId === associationId) return;
    throw notFound('association');
  }

  async add(
    caller: Caller,
    associationId: string,
    enterpriseId: string,
    joinedOn: string | null,
  ): Promise<MembershipView> {
    this.assertManages(caller, associationId);
    const id = await this.db.transaction(async (m) => {
      if (!(await m.exists(AssociationEntity, { where: { id: associationId } })))
        throw notFound('association');
      if (!(await m.exists(EnterpriseEntity, { where: { id: enterpriseId } }))) {
        throw badInput([{ field: 'enterpriseId', message: '企业不存在 (no such enterprise)' }]);
      }
      const saved = await m.save(m.create(MembershipEntity, { associationId, enterpriseId, joinedOn }));
      await this.audit.record(m, caller, 'create', 'membership', saved.id, null, saved);
      return saved.id;
    });
    return (await this.select(associationId, { page: 1, pageSize: 1 }, id)).items[0];
  }

  async list(caller: Caller, associationId: string, query: PageQuery): Promise<Page<MembershipView>> {
    this.assertManages(caller, associationId);
    if (!(await this.db.getRepository(AssociationEntity).exists({ where: { id: associationId } }))) {
      throw notFound('association');
    }
    return this.select(associationId, query);
  }

  private async select(
    associationId: string,
    query: PageQuery,
    membershipId?: string,
  ): Promise<Page<MembershipView>> {
    const qb = this.db
      .createQueryBuilder()
      .from(MembershipEntity, 'm')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = m.enterprise_id')
      .where('m.association_id = :associationId', { associationId });
    if (membershipId) qb.andWhere('m.id = :membershipId', { membershipId });
    if (query.q) qb.andWhere('(e.name ILIKE :q OR e.credit_code ILIKE :q)', { q: likePattern(query.q) });
    const total = await qb.getCount();
    const rows = await qb
      .select([
        'm.id AS id',
        'm.association_id AS association_id',
        'm.enterprise_id AS enterprise_id',
        'e.name AS name',
        'e.credit_code AS credit_code',
        'e.region_code AS region_code',
        'e.contact_name AS contact_name',
        'e.contact_phone AS contact_phone',
        "to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on",
        "to_char(m.left_on, 'YYYY-MM-DD') AS left_on",
      ])
      .orderBy('e.name')
      .offset(offsetOf(query))
      .limit(query.pageSize)
      .getRawMany<Record<string, string | null>>();
    return {
      items: rows.map((r) => ({
        id: r.id!,
        associationId: r.association_id!,
        enterpriseId: r.enterprise_id!,
        enterpriseName: r.name!,
        creditCode: r.credit_code!,
        regionCode: r.region_code!,
        contactName: r.contact_name,
        contactPhone: maskPhone(r.contact_phone),
        joinedOn: r.joined_on,
        leftOn: r.left_on,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
