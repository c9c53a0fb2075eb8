import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { likePattern, Page, PageQuery, pageRows } from '../common/page';
import { maskPhone } from '../common/phone-mask';
import { ClusterEntity } from './cluster.entity';
import { EnterpriseClusterEntity } from './enterprise-cluster.entity';
import {
  ENTERPRISE_SCALE_LABELS,
  ENTERPRISE_TIER_LABELS,
  EnterpriseEntity,
  EnterpriseScale,
  EnterpriseTier,
} from './enterprise.entity';
import { regionName, regionPrefix } from './identifiers/region-codes';
import { MembershipEntity } from './membership.entity';
import { RegistryScope } from './registry-scope.service';

export interface EnterpriseInput {
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode?: string | null;
  scale: EnterpriseScale;
  tier?: EnterpriseTier | null;
  clusterIds?: string[];
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface EnterpriseView {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string | null;
  industryCode: string | null;
  scale: EnterpriseScale;
  scaleLabel: string;
  tier: EnterpriseTier | null;
  tierLabel: string | null;
  clusterIds: string[];
  contactName: string | null;
  contactPhone: string | null;
  version: number;
}

export interface EnterpriseQuery extends PageQuery {
  regionCode?: string;
  clusterId?: string;
  associationId?: string;
  scale?: EnterpriseScale;
  tier?: EnterpriseTier;
}

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scope: RegistryScope,
  ) {}

  /** Association staff who add an enterprise make it a member of their association at once, so they keep seeing it. */
  async create(caller: Caller, input: EnterpriseInput): Promise<EnterpriseView> {
    const id = await this.db.transaction(async (m) => {
      const { clusterIds = [], ...fields } = input;
      const saved = await m.save(m.create(EnterpriseEntity, { industryCode: null, tier: null, ...fields }));
      await this.setClusters(m, saved.id, clusterIds);
      if (caller.role === 'association_staff' && caller.associationId) {
        await m.insert(MembershipEntity, {
          associationId: caller.associationId,
          enterpriseId: saved.id,
          joinedOn: null,
        });
      }
      await this.audit.record(m, caller, 'create', 'enterprise', saved.id, null, { ...saved, clusterIds });
      return saved.id;
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, patch: Partial<EnterpriseInput>): Promise<EnterpriseView> {
    if (!(await this.scope.canSeeEnterprise(caller, id))) throw notFound('enterprise');
    if (!isDepartment(caller) && (patch.creditCode !== undefined || patch.tier !== undefined)) {
      // The credit code is the enterprise's identity and the core-enterprise tier is the department's designation.
      throw new ForbiddenException(
        '信用代码和核心企业层级只能由厅里修改 (only the department changes creditCode and tier)',
      );
    }
    await this.db.transaction(async (m) => {
      const before = await m.findOne(EnterpriseEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw notFound('enterprise');
      const beforeClusters = await this.clusterIdsOf(m, [id]);
      const { clusterIds, ...fields } = patch;
      const after = await m.save(
        m.merge(EnterpriseEntity, m.create(EnterpriseEntity, { ...before }), fields),
      );
      if (clusterIds) await this.setClusters(m, id, clusterIds);
      await this.audit.record(
        m,
        caller,
        'update',
        'enterprise',
        id,
        { ...before, clusterIds: beforeClusters.get(id) ?? [] },
        { ...after, clusterIds: clusterIds ?? beforeClusters.get(id) ?? [] },
      );
    });
    return this.get(caller, id);
  }

  /** The detail shows the full contact to those entitled to it (every caller who can see the enterprise). */
  async get(caller: Caller, id: string): Promise<EnterpriseView> {
    if (!(await this.scope.canSeeEnterprise(caller, id))) throw notFound('enterprise');
    const found = await this.db.getRepository(EnterpriseEntity).findOne({ where: { id } });
    if (!found) throw notFound('enterprise');
    return (await this.views(this.db.manager, [found], false))[0];
  }

  async list(caller: Caller, query: EnterpriseQuery): Promise<Page<EnterpriseView>> {
    const qb = this.db.getRepository(EnterpriseEntity).createQueryBuilder('e');
    this.scope.scopeEnterprises(qb, caller, 'e');
    if (query.q) qb.andWhere('(e.name ILIKE :q OR e.credit_code ILIKE :q)', { q: likePattern(query.q) });
    if (query.regionCode) {
      // A province or city code selects everything under it.
      qb.andWhere('e.region_code LIKE :region', { region: `${regionPrefix(query.regionCode)}%` });
    }
    if (query.scale) qb.andWhere('e.scale = :scale', { scale: query.scale });
    if (query.tier) qb.andWhere('e.tier = :tier', { tier: query.tier });
    if (query.clusterId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM enterprise_clusters ec WHERE ec.enterprise_id = e.id AND ec.cluster_id = :cid)',
        {
          cid: query.clusterId,
        },
      );
    }
    if (query.associationId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM memberships fm WHERE fm.enterprise_id = e.id AND fm.association_id = :aid AND fm.left_on IS NULL)',
        { aid: query.associationId },
      );
    }
    const [rows, total] = await pageRows(qb.orderBy('e.name'), query);
    return {
      items: await this.views(this.db.manager, rows, true),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async setClusters(m: EntityManager, enterpriseId: string, clusterIds: string[]): Promise<void> {
    const unique = [...new Set(clusterIds)];
    if (unique.length && (await m.count(ClusterEntity, { where: { id: In(unique) } })) !== unique.length) {
      throw badInput([{ field: 'clusterIds', message: '含不存在的集群 (unknown cluster id)' }]);
    }
    await m.delete(EnterpriseClusterEntity, { enterpriseId });
    if (unique.length)
      await m.insert(
        EnterpriseClusterEntity,
        unique.map((clusterId) => ({ enterpriseId, clusterId })),
      );
  }

  private async clusterIdsOf(m: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const rows = ids.length
      ? await m.find(EnterpriseClusterEntity, { where: { enterpriseId: In(ids) } })
      : [];
    const byEnterprise = new Map<string, string[]>();
    for (const r of rows)
      byEnterprise.set(r.enterpriseId, [...(byEnterprise.get(r.enterpriseId) ?? []), r.clusterId]);
    return byEnterprise;
  }

  private async views(m: EntityManager, rows: EnterpriseEntity[], mask: boolean): Promise<EnterpriseView[]> {
    const clusters = await this.clusterIdsOf(
      m,
      rows.map((r) => r.id),
    );
    return rows.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      regionCode: e.regionCode,
      regionName: regionName(e.regionCode),
      industryCode: e.industryCode,
      scale: e.scale,
      scaleLabel: ENTERPRISE_SCALE_LABELS[e.scale],
      tier: e.tier,
      tierLabel: e.tier ? ENTERPRISE_TIER_LABELS[e.tier] : null,
      clusterIds: (clusters.get(e.id) ?? []).sort(),
      contactName: e.contactName,
      contactPhone: mask ? maskPhone(e.contactPhone) : e.contactPhone,
      version: e.version,
    }));
  }
}
