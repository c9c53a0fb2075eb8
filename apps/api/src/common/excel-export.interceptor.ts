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
import { describeFilters, writeTableBuffer } from '@app/core';
import type { Request } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { EXCEL_EXPORT_KEY, type ExcelExportSpec } from './excel-export.decorator';
import { MAX_EXPORT_ROWS } from './page-query.dto';
import { wantsXlsx, xlsxFile } from './xlsx-file';

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
    const exporting = !!spec && wantsXlsx(req.headers.accept);
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
      { title: spec.title, filters: await describeFilters(this.db, query), columns: spec.columns },
      body.items,
    );
    return xlsxFile(buffer, `${spec.title}.xlsx`, 'export.xlsx');
  }
}
