import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobProducer } from '@app/platform';
import { DataSource } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { Page, PageQuery, pageRows } from '../common/page';
import { writeImportTemplate } from '../excel/template-writer';
import { checkXlsxUpload } from '../excel/upload-guard';
import { IMPORT_KIND_LABELS, ImportEntity, ImportKind } from './import.entity';
import { SHEET_COLUMNS } from './import-sheets';

export type ImportView = Omit<ImportEntity, 'content' | 'requestedBy' | 'associationId' | 'attempts'>;

const toView = ({
  content: _c,
  attempts: _a,
  requestedBy: _r,
  associationId: _s,
  ...view
}: ImportEntity): ImportView => view;

/** Who may import what: the department everything; association staff the members of their own association. */
const ALLOWED: Record<ImportKind, (caller: Caller) => boolean> = {
  enterprises: isDepartment,
  members: (c) => isDepartment(c) || c.role === 'association_staff',
  events: (c) => isDepartment(c) || c.role === 'association_staff',
  intents: (c) => isDepartment(c) || c.role === 'association_staff',
};

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  async template(caller: Caller, kind: ImportKind): Promise<{ buffer: Buffer; fileName: string }> {
    this.assertAllowed(caller, kind);
    const columns = this.columnsOf(kind);
    const buffer = await writeImportTemplate(columns, { title: `${IMPORT_KIND_LABELS[kind]}导入模板` });
    return { buffer, fileName: `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx` };
  }

  /** Checks the file before anything is stored (not a workbook, too big, a zip bomb → 400), then queues it. */
  async create(
    caller: Caller,
    kind: ImportKind,
    file: { buffer: Buffer; originalname: string; size: number } | undefined,
  ): Promise<ImportView> {
    this.assertAllowed(caller, kind);
    this.columnsOf(kind);
    if (!file?.buffer?.length)
      throw badInput([{ field: 'file', message: '请上传 .xlsx 文件（multipart 字段 file）' }]);
    const check = await checkXlsxUpload(file.buffer);
    if (!check.ok) throw badInput([{ field: 'file', message: check.error.message }]);
    const saved = await this.db.getRepository(ImportEntity).save({
      kind,
      fileName: decodeFileName(file.originalname).slice(0, 255),
      fileSize: file.size,
      content: file.buffer,
      requestedBy: caller.userId,
      associationId: caller.role === 'association_staff' ? caller.associationId : null,
    });
    await this.jobs.enqueue(JobName.ImportFile, { importId: saved.id }, { jobId: `import-${saved.id}` });
    return this.get(caller, saved.id);
  }

  async get(caller: Caller, id: string): Promise<ImportView> {
    const found = await this.db.getRepository(ImportEntity).findOne({ where: { id } });
    if (!found || !this.canSee(caller, found)) throw notFound('import');
    return toView(found);
  }

  async list(caller: Caller, query: PageQuery): Promise<Page<ImportView>> {
    const qb = this.db.getRepository(ImportEntity).createQueryBuilder('i');
    if (!isDepartment(caller)) {
      qb.where(
        '(i.requested_by = :userId OR (i.association_id IS NOT NULL AND i.association_id = :associationId))',
        {
          userId: caller.userId,
          associationId: caller.associationId,
        },
      );
    }
    const [items, total] = await pageRows(qb.orderBy('i.created_at', 'DESC').addOrderBy('i.id'), query);
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Imports not finished (a worker died, Redis lost its queue): the worker re-queues them at start. */
  async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM imports WHERE status IN ('queued','running') ORDER BY created_at`,
    );
    return rows.map((r) => r.id);
  }

  private canSee(caller: Caller, row: ImportEntity): boolean {
    return (
      isDepartment(caller) ||
      row.requestedBy === caller.userId ||
      (caller.role === 'association_staff' && row.associationId === caller.associationId)
    );
  }

  private assertAllowed(caller: Caller, kind: ImportKind): void {
    if (!ALLOWED[kind](caller))
      throw new ForbiddenException(`无权导入${IMPORT_KIND_LABELS[kind]} (not allowed to import ${kind})`);
  }

  private columnsOf(kind: ImportKind) {
    const columns = SHEET_COLUMNS[kind];
    if (!columns)
      throw badInput([
        {
          field: 'kind',
          message: `${IMPORT_KIND_LABELS[kind]}导入尚未提供 (the ${kind} import is not available yet)`,
        },
      ]);
    return columns;
  }
}

/** Browsers send UTF-8 file names that multer reads as latin1: recover the Chinese name. */
function decodeFileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
