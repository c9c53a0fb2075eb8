import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { JobName, JobProducer } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { badInput, FieldError, notFound } from '../common/http-errors';
import { likePattern, Page, PageQuery, pageRows } from '../common/page';
import { ClusterEntity } from '../registry/cluster.entity';
import { regionPrefix } from '../registry/identifiers/region-codes';
import { RegistryScope } from '../registry/registry-scope.service';
import { assertPostingTransition } from './posting-rules';
import { PostingCategory, PostingEntity, PostingKind, PostingStatus } from './posting.entity';

export interface PostingInput {
  enterpriseId?: string;
  kind: PostingKind;
  category: PostingCategory;
  title: string;
  description?: string;
  keywords?: string[];
  clusterId?: string | null;
  regionCode?: string | null;
  validUntil?: string | null;
  amountWan?: number | null;
  status?: PostingStatus;
}

export interface PostingQuery extends PageQuery {
  kind?: PostingKind;
  category?: PostingCategory;
  clusterId?: string;
  regionCode?: string;
  status?: PostingStatus;
  enterpriseId?: string;
}

/** A posting as lists show it: with its enterprise's name. */
export type PostingListItem = PostingEntity & { enterpriseName: string };

@Injectable()
export class PostingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scope: RegistryScope,
    private readonly jobs: JobProducer,
  ) {}

  async create(caller: Caller, input: PostingInput): Promise<PostingEntity> {
    const enterpriseId = await this.resolveEnterprise(caller, input.enterpriseId);
    const status = input.status ?? 'draft';
    const saved = await this.db.transaction(async (m) => {
      await this.assertReferences(m, input, status);
      const posting = m.create(PostingEntity, {
        enterpriseId,
        kind: input.kind,
        category: input.category,
        title: input.title,
        description: input.description ?? '',
        keywords: input.keywords ?? [],
        clusterId: input.clusterId ?? null,
        regionCode: input.regionCode ?? null,
        validUntil: input.validUntil ?? null,
        amountWan: input.amountWan ?? null,
        status,
        publishedAt: status === 'published' ? new Date() : null,
        createdBy: caller.userId,
      });
      const row = await m.save(posting);
      await this.audit.record(m, caller, 'create', 'posting', row.id, null, row);
      return row;
    });
    await this.queueMatchingIfPublished(saved);
    return saved;
  }

  async update(caller: Caller, id: string, patch: Partial<PostingInput>): Promise<PostingEntity> {
    await this.get(caller, id);
    if (patch.enterpriseId !== undefined) {
      throw badInput([
        { field: 'enterpriseId', message: '发布企业不能修改 (a posting cannot change enterprise)' },
      ]);
    }
    const saved = await this.db.transaction(async (m) => {
      const before = await m.findOne(PostingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('posting');
      const status = patch.status ?? before.status;
      assertPostingTransition(before.status, status);
      const { enterpriseId: _fixed, ...fields } = patch;
      const merged = m.create(PostingEntity, { ...before, ...fields });
      await this.assertReferences(
        m,
        merged,
        status,
        before.status !== 'published' || patch.validUntil !== undefined,
      );
      if (status === 'published' && before.status !== 'published') merged.publishedAt = new Date();
      const after = await m.save(merged);
      await this.audit.record(m, caller, 'update', 'posting', id, before, after);
      return after;
    });
    await this.queueMatchingIfPublished(saved);
    return saved;
  }

  async get(caller: Caller, id: string): Promise<PostingEntity> {
    const qb = this.db.getRepository(PostingEntity).createQueryBuilder('p').where('p.id = :id', { id });
    this.scope.scopeByEnterprise(qb, caller, 'p.enterprise_id');
    const found = await qb.getOne();
    if (!found) throw notFound('posting');
    return found;
  }

  async list(caller: Caller, query: PostingQuery): Promise<Page<PostingListItem>> {
    const qb = this.db.getRepository(PostingEntity).createQueryBuilder('p');
    this.scope.scopeByEnterprise(qb, caller, 'p.enterprise_id');
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.clusterId) qb.andWhere('p.cluster_id = :clusterId', { clusterId: query.clusterId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.enterpriseId)
      qb.andWhere('p.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    if (query.regionCode) {
      qb.andWhere('p.region_code LIKE :region', { region: `${regionPrefix(query.regionCode)}%` });
    }
    if (query.q) {
      qb.andWhere(
        `(p.title ILIKE :q OR p.description ILIKE :q OR array_to_string(p.keywords, ' ') ILIKE :q
          OR EXISTS (SELECT 1 FROM enterprises qe WHERE qe.id = p.enterprise_id AND qe.name ILIKE :q))`,
        {
          q: likePattern(query.q),
        },
      );
    }
    const [rows, total] = await pageRows(qb.orderBy('p.updated_at', 'DESC').addOrderBy('p.id'), query);
    return { items: await this.withEnterpriseNames(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Staff lists and their Excel show whose posting it is; one query for the page's enterprises. */
  private async withEnterpriseNames(rows: PostingEntity[]): Promise<PostingListItem[]> {
    const ids = [...new Set(rows.map((r) => r.enterpriseId))];
    const names: { id: string; name: string }[] = ids.length
      ? await this.db.query('SELECT id, name FROM enterprises WHERE id = ANY($1::uuid[])', [ids])
      : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return rows.map((r) => Object.assign(r, { enterpriseName: nameOf.get(r.enterpriseId) ?? '' }));
  }

  /** Enterprise users post for themselves; association staff for members; department staff for anyone. */
  private async resolveEnterprise(caller: Caller, requested: string | undefined): Promise<string> {
    if (caller.role === 'enterprise_user') {
      if (requested && requested !== caller.enterpriseId) {
        throw badInput([
          { field: 'enterpriseId', message: '只能为本企业发布 (you post for your own enterprise only)' },
        ]);
      }
      return caller.enterpriseId!;
    }
    if (!requested)
      throw badInput([{ field: 'enterpriseId', message: '请指定发布企业 (enterpriseId is required)' }]);
    const visible = isDepartment(caller)
      ? await this.db
          .query('SELECT 1 FROM enterprises WHERE id = $1', [requested])
          .then((r: unknown[]) => r.length > 0)
      : await this.scope.canSeeEnterprise(caller, requested);
    if (!visible)
      throw badInput([
        {
          field: 'enterpriseId',
          message: '企业不存在或不是本协会会员 (unknown enterprise or not your member)',
        },
      ]);
    return requested;
  }

  private async assertReferences(
    m: EntityManager,
    input: Pick<PostingInput, 'clusterId' | 'validUntil'>,
    status: PostingStatus,
    checkValidity = true,
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (input.clusterId && !(await m.exists(ClusterEntity, { where: { id: input.clusterId } }))) {
      errors.push({ field: 'clusterId', message: '集群不存在 (no such cluster)' });
    }
    if (checkValidity && status === 'published' && input.validUntil && input.validUntil < chinaToday()) {
      errors.push({ field: 'validUntil', message: '有效期已过，不能发布 (validUntil is in the past)' });
    }
    if (errors.length) throw badInput(errors);
  }

  /** Queued after commit; the job id carries the version, so a double click queues one job. */
  private async queueMatchingIfPublished(posting: PostingEntity): Promise<void> {
    if (posting.status !== 'published') return;
    await this.jobs.enqueue(
      JobName.MatchPosting,
      { postingId: posting.id },
      { jobId: `mp-${posting.id}-v${posting.version}` },
    );
  }
}
