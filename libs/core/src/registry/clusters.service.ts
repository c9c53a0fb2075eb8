import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { notFound } from '../common/http-errors';
import { likePattern, offsetOf, Page, PageQuery } from '../common/page';
import { CLUSTER_TIER_LABELS, ClusterEntity, ClusterTier } from './cluster.entity';

export interface ClusterInput {
  code: string;
  name: string;
  tier: ClusterTier;
  base?: string | null;
  description?: string | null;
}

export interface ClusterView {
  id: string;
  code: string;
  name: string;
  tier: ClusterTier;
  tierLabel: string;
  base: string | null;
  description: string | null;
  leadAssociationId: string | null;
  leadAssociationName: string | null;
  chainCount: number;
  version: number;
}

export interface ClusterQuery extends PageQuery {
  tier?: ClusterTier;
  base?: string;
  withoutLead?: boolean;
}

@Injectable()
export class ClustersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: ClusterInput): Promise<ClusterView> {
    const id = await this.db.transaction(async (m) => {
      const saved = await m.save(
        m.create(ClusterEntity, {
          ...input,
          base: input.base ?? null,
          description: input.description ?? null,
        }),
      );
      await this.audit.record(m, caller, 'create', 'cluster', saved.id, null, saved);
      return saved.id;
    });
    return this.get(id);
  }

  async update(caller: Caller, id: string, patch: Partial<ClusterInput>): Promise<ClusterView> {
    await this.db.transaction(async (m) => {
      const before = await m.findOne(ClusterEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('cluster');
      const after = await m.save(m.merge(ClusterEntity, m.create(ClusterEntity, { ...before }), patch));
      await this.audit.record(m, caller, 'update', 'cluster', id, before, after);
    });
    return this.get(id);
  }

  async get(id: string): Promise<ClusterView> {
    const rows = await this.selectViews().where('c.id = :id', { id }).getRawMany<RawCluster>();
    if (!rows.length) throw notFound('cluster');
    return toView(rows[0]);
  }

  async list(query: ClusterQuery): Promise<Page<ClusterView>> {
    const qb = this.selectViews();
    if (query.q) qb.andWhere('(c.name ILIKE :q OR c.code ILIKE :q)', { q: likePattern(query.q) });
    if (query.tier) qb.andWhere('c.tier = :tier', { tier: query.tier });
    if (query.base) qb.andWhere('c.base = :base', { base: query.base });
    if (query.withoutLead) qb.andWhere('l.association_id IS NULL');
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('c.code')
      .offset(offsetOf(query))
      .limit(query.pageSize)
      .getRawMany<RawCluster>();
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** The whole catalogue (22-odd rows) for pickers and the matching engine's neighbour table. */
  async all(): Promise<ClusterEntity[]> {
    return this.db.getRepository(ClusterEntity).find({ order: { code: 'ASC' } });
  }

  private selectViews() {
    return this.db
      .createQueryBuilder()
      .from(ClusterEntity, 'c')
      .leftJoin('association_lead_clusters', 'l', 'l.cluster_id = c.id')
      .leftJoin('associations', 'a', 'a.id = l.association_id')
      .select([
        'c.id AS id',
        'c.code AS code',
        'c.name AS name',
        'c.tier AS tier',
        'c.base AS base',
        'c.description AS description',
        'c.version AS version',
        'a.id AS lead_id',
        'a.name AS lead_name',
        '(SELECT count(*)::int FROM chains ch WHERE ch.cluster_id = c.id) AS chain_count',
      ]);
  }
}

interface RawCluster {
  id: string;
  code: string;
  name: string;
  tier: ClusterTier;
  base: string | null;
  description: string | null;
  version: number;
  lead_id: string | null;
  lead_name: string | null;
  chain_count: number;
}

const toView = (r: RawCluster): ClusterView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  tier: r.tier,
  tierLabel: CLUSTER_TIER_LABELS[r.tier],
  base: r.base,
  description: r.description,
  leadAssociationId: r.lead_id,
  leadAssociationName: r.lead_name,
  chainCount: Number(r.chain_count),
  version: Number(r.version),
});
