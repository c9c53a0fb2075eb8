import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobProducer } from '@app/platform';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { offsetOf, Page, PageQuery } from '../common/page';
import { ExportEntity } from './export.entity';
import { ExportLists, type ExportList } from './export-lists';

export type ExportView = Omit<ExportEntity, 'content' | 'caller' | 'attempts'>;

const toView = ({ content: _c, caller: _r, attempts: _a, ...view }: ExportEntity): ExportView => view;

/** Background exports: requested by anyone who may read the list, visible and downloadable by the requester only. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ExportLists,
    private readonly jobs: JobProducer,
  ) {}

  /** `query` is the list route's validated filters; a first page is read now, so scope errors answer at once. */
  async create(caller: Caller, list: ExportList, query: Record<string, unknown>): Promise<ExportView> {
    const definition = this.lists.of(list);
    if (!definition.allowed(caller))
      throw new ForbiddenException(`无权导出该列表 (not allowed to export ${list})`);
    if (definition.parent && !query[definition.parent])
      throw badInput([
        { field: `query.${definition.parent}`, message: `导出该列表需要 ${definition.parent}` },
      ]);
    const probe = await definition.fetch(caller, { ...query, page: 1, pageSize: 1 });
    const saved = await this.db.getRepository(ExportEntity).save({
      list,
      query,
      rows: probe.total,
      requestedBy: caller.userId,
      caller: {
        userId: caller.userId,
        username: caller.username,
        role: caller.role,
        associationId: caller.associationId,
        enterpriseId: caller.enterpriseId,
      },
    });
    await this.jobs.enqueue(JobName.ExportList, { exportId: saved.id }, { jobId: `export-${saved.id}` });
    return this.get(caller, saved.id);
  }

  async get(caller: Caller, id: string): Promise<ExportView> {
    const found = await this.db
      .getRepository(ExportEntity)
      .findOne({ where: { id, requestedBy: caller.userId } });
    if (!found) throw notFound('export');
    return toView(found);
  }

  async list(caller: Caller, query: PageQuery): Promise<Page<ExportView>> {
    const [items, total] = await this.db.getRepository(ExportEntity).findAndCount({
      where: { requestedBy: caller.userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** The finished file; an unfinished export is a 409 naming its status. */
  async file(caller: Caller, id: string): Promise<{ fileName: string; content: Buffer }> {
    const found = await this.db
      .getRepository(ExportEntity)
      .createQueryBuilder('x')
      .addSelect('x.content')
      .where('x.id = :id AND x.requested_by = :userId', { id, userId: caller.userId })
      .getOne();
    if (!found) throw notFound('export');
    if (found.status !== 'completed' || !found.content)
      throw badInput([
        { field: 'id', message: `导出尚未完成（${found.status}） (the export is ${found.status})` },
      ]);
    return { fileName: found.fileName ?? 'export.xlsx', content: found.content };
  }

  async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM exports WHERE status IN ('queued','running') ORDER BY created_at`,
    );
    return rows.map((r) => r.id);
  }
}
