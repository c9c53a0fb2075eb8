import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IMPORT_KINDS, ImportsService, type Caller, type ImportKind } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { UuidParam } from '../common/uuid-param';
import { XLSX_TYPE, xlsxFile } from '../common/xlsx-file';

const IMPORTERS = [...DEPARTMENT, 'association_staff'] as const;
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const KindParam = () =>
  Param(
    'kind',
    new ParseEnumPipe(Object.fromEntries(IMPORT_KINDS.map((k) => [k, k])), {
      exceptionFactory: () =>
        new BadRequestException({
          message: `kind 必须是 ${IMPORT_KINDS.join('|')}`,
          details: [{ field: 'kind', message: `one of ${IMPORT_KINDS.join(', ')}` }],
        }),
    }),
  );

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get(':kind/template.xlsx')
  @Roles(...IMPORTERS)
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '下载导入模板（表头批注、枚举下拉、示例行）' })
  async template(@CurrentCaller() caller: Caller, @KindParam() kind: ImportKind) {
    const { buffer, fileName } = await this.imports.template(caller, kind);
    return xlsxFile(buffer, fileName, `${kind}-template.xlsx`);
  }

  @Post(':kind')
  @HttpCode(202)
  @Roles(...IMPORTERS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传 .xlsx 导入（队列任务）；逐行报告被拒行的行号、列和原因' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async upload(
    @CurrentCaller() caller: Caller,
    @KindParam() kind: ImportKind,
    @UploadedFile() file: { buffer: Buffer; originalname: string; size: number } | undefined,
  ) {
    const created = await this.imports.create(caller, kind, file);
    return { id: created.id, status: created.status, kind: created.kind };
  }

  @Get()
  @Roles(...IMPORTERS)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto) {
    return this.imports.list(caller, query);
  }

  @Get(':id')
  @Roles(...IMPORTERS)
  @ApiOperation({
    summary: '导入进度与报告：total / imported / updated / rejected / errors[{row,column,message}]',
  })
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.imports.get(caller, id);
  }
}
