import { BadRequestException, Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ExportsService, type Caller } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { ALL_ROLES, Roles } from '../common/roles.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { UuidParam } from '../common/uuid-param';
import { createValidationPipe } from '../common/validation.pipe';
import { XLSX_TYPE, xlsxFile } from '../common/xlsx-file';
import { CreateExportDto, EXPORT_QUERY_DTOS } from './export.dto';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(202)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '后台导出大列表为 Excel（队列任务，可查看进度并在“下载列表”中下载）' })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateExportDto) {
    const query = await this.validQuery(body);
    const created = await this.exports.create(caller, body.list, query);
    return { id: created.id, status: created.status, rows: created.rows };
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: '我的导出（下载列表）' })
  list(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto) {
    return this.exports.list(caller, query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.exports.get(caller, id);
  }

  @Get(':id/file.xlsx')
  @Roles(...ALL_ROLES)
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '下载已完成的导出文件' })
  async file(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    const { fileName, content } = await this.exports.file(caller, id);
    return xlsxFile(content, fileName, 'export.xlsx');
  }

  /** The list route's own query DTO checks the filters; paging is the export's business, so it is dropped. */
  private async validQuery(body: CreateExportDto): Promise<Record<string, unknown>> {
    const raw = Object.fromEntries(
      Object.entries(body.query ?? {})
        .filter(([key]) => key !== 'page' && key !== 'pageSize' && key !== 'export')
        .map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]),
    );
    try {
      const dto = (await createValidationPipe().transform(raw, {
        type: 'query',
        metatype: EXPORT_QUERY_DTOS[body.list],
      })) as Record<string, unknown>;
      const { page: _p, pageSize: _s, ...filters } = dto;
      return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const response = error.getResponse() as { details?: { field: string; message: string }[] };
      const details = (response.details ?? []).map((d) => ({
        field: `query.${d.field}`,
        message: d.message,
      }));
      throw new BadRequestException({
        message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
        details,
      });
    }
  }
}
