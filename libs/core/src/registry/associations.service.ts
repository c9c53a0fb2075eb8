import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { likePattern, Page, PageQuery, pageRows } from '../common/page';
import { maskPhone } from '../common/phone-mask';
import { AssociationLeadClusterEntity } from './association-lead-cluster.entity';
import { AssociationEntity } from './association.entity';
import { ClusterEntity } from './cluster.entity';
import { RegistryScope } from './registry-scope.service';

export interface AssociationInput {
  name: string;
  creditCode: string;
  leadClusterIds?: string[];
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface AssociationView {
  id: string;
  name: string;
  creditCode: string;
  leadClusterIds: string[];
  leadClusters: { id: string; code: string; name: string }[];
  memberCount: number;
  contactName: string | null;
  contactPhone: string | null;
  version: number;
}

@Injectable()
export class AssociationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scope: RegistryScope,
  ) {}

  async create(caller: Caller, input: AssociationInput): Promise<AssociationView> {
    const id = await this.db.transaction(async (m) => {
      const { leadClusterIds = [], ...fields } = input;
      const saved = await m.save(m.create(AssociationEntity, fields));
      await this.setLeadClusters(m, saved.id, leadClusterIds);
      await this.audit.record(m, caller, 'create', 'association', saved.id, null, {
        ...saved,
        leadClusterIds,
      });
      return saved.id;
    });
    return this.get(caller, id, true);
  }

  async update(caller: Caller, id: string, patch: Partial<AssociationInput>): Promise<AssociationView> {
    if (!(await this.scope.canSeeAssociation(caller, id)) || caller.role === 'enterprise_user') {
      throw notFound('association');
    }
    if (!isDepartment(caller) && (patch.leadClusterIds !== undefined || patch.creditCode !== undefined)) {
      throw new ForbiddenException(
        '牵头集群与信用代码只能由厅里修改 (only the department changes lead clusters and credit codes)',
      );
    }
    await this.db.transaction(async (m) => {
      const before = await m.findOne(AssociationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw notFound('association');
      const beforeLeads = await this.leadIds(m, id);
      const { leadClusterIds, ...fields } = patch;
      const after = await m.save(
        m.merge(AssociationEntity, m.create(AssociationEntity, { ...before }), fields),
      );
      if (leadClusterIds) await this.setLeadClusters(m, id, leadClusterIds);
      await this.audit.record(
        m,
        caller,
        'update',
        'association',
        id,
        { ...before, leadClusterIds: beforeLeads },
        { ...after, leadClusterIds: leadClusterIds ?? beforeLeads },
      );
    });
    return this.get(caller, id, true);
  }

  async get(caller: Caller, id: string, fullContact = false): Promise<AssociationView> {
    if (!(await this.scope.canSeeAssociation(caller, id))) throw notFound('association');
    const found = await this.db.getRepository(AssociationEntity).findOne({ where: { id } });
    if (!found) throw notFound('association');
    const entitled = fullContact || isDepartment(caller) || caller.associationId === id;
    return (await this.views([found], !entitled))[0];
  }

  async list(caller: Caller, query: PageQuery): Promise<Page<AssociationView>> {
    const qb = this.db.getRepository(AssociationEntity).createQueryBuilder('a');
    this.scope.scopeAssociations(qb, caller, 'a');
    if (query.q) qb.andWhere('(a.name ILIKE :q OR a.credit_code ILIKE :q)', { q: likePattern(query.q) });
    const [rows, total] = await pageRows(qb.orderBy('a.name'), query);
    return { items: await this.views(rows, true), total, page: query.page, pageSize: query.pageSize };
  }

  /** Replaces the led clusters; a cluster led by another association fails on the primary key (409). */
  private async setLeadClusters(
    m: EntityManager,
    associationId: string,
    clusterIds: string[],
  ): Promise<void> {
    const unique = [...new Set(clusterIds)];
    if (unique.length) {
      const found = await m.count(ClusterEntity, { where: { id: In(unique) } });
      if (found !== unique.length) {
        throw badInput([{ field: 'leadClusterIds', message: '含不存在的集群 (unknown cluster id)' }]);
      }
    }
    await m.delete(AssociationLeadClusterEntity, { associationId });
    if (unique.length) {
      await m.insert(
        AssociationLeadClusterEntity,
        unique.map((clusterId) => ({ clusterId, associationId })),
      );
    }
  }

  private async leadIds(m: EntityManager, associationId: string): Promise<string[]> {
    const rows = await m.find(AssociationLeadClusterEntity, { where: { associationId } });
    return rows.map((r) => r.clusterId).sort();
  }

  private async views(rows: AssociationEntity[], mask: boolean): Promise<AssociationView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const leads: { association_id: string; id: string; code: string; name: string }[] = await this.db.query(
      `SELECT l.association_id, c.id, c.code, c.name FROM association_lead_clusters l
         JOIN clusters c ON c.id = l.cluster_id WHERE l.association_id = ANY($1) ORDER BY c.code`,
      [ids],
    );
    const counts: { association_id: string; n: number }[] = await this.db.query(
      `SELECT association_id, count(*)::int AS n FROM memberships
        WHERE association_id = ANY($1) AND left_on IS NULL GROUP BY association_id`,
      [ids],
    );
    return rows.map((a) => {
      const led = leads
        .filter((l) => l.association_id === a.id)
        .map(({ id, code, name }) => ({ id, code, name }));
      return {
        id: a.id,
        name: a.name,
        creditCode: a.creditCode,
        leadClusterIds: led.map((c) => c.id),
        leadClusters: led,
        memberCount: counts.find((c) => c.association_id === a.id)?.n ?? 0,
        contactName: a.contactName,
        contactPhone: mask ? maskPhone(a.contactPhone) : a.contactPhone,
        version: a.version,
      };
    });
  }
}
