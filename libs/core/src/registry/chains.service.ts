import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { badInput } from '../common/http-errors';
import { likePattern, Page, PageQuery, pageRows } from '../common/page';
import { ChainEntity, ChainSegments } from './chain.entity';
import { ClusterEntity } from './cluster.entity';

export interface ChainInput {
  clusterId: string;
  code: string;
  name: string;
  segments?: Partial<ChainSegments>;
}

export interface ChainQuery extends PageQuery {
  clusterId?: string;
}

@Injectable()
export class ChainsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: ChainInput): Promise<ChainEntity> {
    return this.db.transaction(async (m) => {
      if (!(await m.exists(ClusterEntity, { where: { id: input.clusterId } }))) {
        throw badInput([{ field: 'clusterId', message: '集群不存在 (no such cluster)' }]);
      }
      const segments: ChainSegments = {
        upstream: input.segments?.upstream ?? [],
        midstream: input.segments?.midstream ?? [],
        downstream: input.segments?.downstream ?? [],
      };
      const saved = await m.save(m.create(ChainEntity, { ...input, segments }));
      await this.audit.record(m, caller, 'create', 'chain', saved.id, null, saved);
      return saved;
    });
  }

  async list(query: ChainQuery): Promise<Page<ChainEntity>> {
    const qb = this.db.getRepository(ChainEntity).createQueryBuilder('ch');
    if (query.clusterId) qb.andWhere('ch.cluster_id = :clusterId', { clusterId: query.clusterId });
    if (query.q) qb.andWhere('(ch.name ILIKE :q OR ch.code ILIKE :q)', { q: likePattern(query.q) });
    const [items, total] = await pageRows(qb.orderBy('ch.code'), query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
