import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, AUDIT_EXPORT } from '@app/core';
import { Roles } from '../common/roles.decorator';
import { AuditQueryDto } from './audit-query.dto';
import { ExcelExport } from '../common/excel-export.decorator';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ExcelExport(AUDIT_EXPORT)
  @Roles('dept_admin')
  @ApiOperation({ summary: '操作审计：谁在何时改了什么（含修改前后）' })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}
