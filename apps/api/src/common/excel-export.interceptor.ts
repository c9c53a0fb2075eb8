import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { writeTableBuffer, XLSX_CONTENT_TYPE, type ExportFilter } from '@app/core';
import type { Request } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { EXCEL_EXPORT_KEY, type ExcelExportSpec } from './excel-export.decorator';
import { MAX_EXPORT_ROWS } from './page-query.dto';

/** Query parameters shown on top of an export, in the order people read them. */
const FILTER_LABELS: Record<string, string> = {
  year: '年份',
  from: '开始日期',
  to: '结束日期',
  clusterId: '集群',
  associationId: '协会',
  type: '类型',
  kind: '类别',
  category: '分类',
  status: '状态',
  stage: '阶段',
  scale: '规模',
  tier: '层级',
  regionCode: '地区',
  role: '角色',
  q: '关键词',
};

export const wantsXlsx = (req: Request): boolean => (req.headers.accept ?? '').includes(XLSX_CONTENT_TYPE);

/**
 * Turns a list or statistic route marked with @ExcelExport into an .xlsx download when the client asks for one.
 * Interceptors run before pipes, so the query is rewritten to "every row" (page 1, up to MAX_EXPORT_ROWS) before
 * validation; a client cannot ask for that size itself, because `export` is removed from JSON requests.
 */
@Injectable()
export class ExcelExportInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const spec = this.reflector.get<ExcelExportSpec | undefined>(EXCEL_EXPORT_KEY, context.getHandler());
    const query = { ...(req.query as Record<string, unknown>) };
    const exporting = !!spec && wantsXlsx(req);
    delete query.export;
    if (exporting) Object.assign(query, { export: 'xlsx', page: '1', pageSize: String(MAX_EXPORT_ROWS) });
    // Express 5 computes req.query on every read; an own property makes the rewrite visible to @Query().
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
    if (!exporting) return next.handle();
    return next.handle().pipe(mergeMap((result) => from(this.render(spec, query, result))));
  }

  private async render(
    spec: ExcelExportSpec,
    query: Record<string, unknown>,
    result: unknown,
  ): Promise<StreamableFile> {
    const body = result as { items?: unknown[]; total?: number };
    if (!Array.isArray(body.items))
      throw new Error(`@ExcelExport on a route that answers no items: ${spec.title}`);
    if ((body.total ?? 0) > MAX_EXPORT_ROWS) {
      throw new BadRequestException({
        message: `超过 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围 (more than ${MAX_EXPORT_ROWS} rows: narrow the filters)`,
        details: [{ field: 'q', message: 'too many rows for one download' }],
      });
    }
    const buffer = await writeTableBuffer(
      { title: spec.title, filters: await this.filters(query), columns: spec.columns },
      body.items,
    );
    return new StreamableFile(buffer, {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(`${spec.title}.xlsx`)}`,
      length: buffer.length,
    });
  }

  /** The applied filters, with cluster and association ids shown by name. */
  private async filters(query: Record<string, unknown>): Promise<ExportFilter[]> {
    const out: ExportFilter[] = [];
    for (const [key, label] of Object.entries(FILTER_LABELS)) {
      const value = query[key];
      if (value === undefined || value === '') continue;
      out.push({ label, value: await this.nameOf(key, String(value)) });
    }
    return out;
  }

  private async nameOf(key: string, value: string): Promise<string> {
    const table = key === 'clusterId' ? 'clusters' : key === 'associationId' ? 'associations' : null;
    if (!table || !/^[0-9a-f-]{36}$/i.test(value)) return value;
    const rows: { name: string }[] = await this.db.query(`SELECT name FROM ${table} WHERE id = $1`, [value]);
    return rows[0]?.name ?? value;
  }
}
