import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnterprisesService, type Caller, ENTERPRISE_EXPORT } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateEnterpriseDto, EnterpriseQueryDto, UpdateEnterpriseDto } from './enterprise.dto';
import { ExcelExport } from '../common/excel-export.decorator';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles(...DEPARTMENT, 'association_staff')
  @ApiOperation({ summary: '新增企业；协会新增的企业自动成为本会会员' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateEnterpriseDto) {
    return this.enterprises.create(caller, body);
  }

  @Get()
  @ExcelExport(ENTERPRISE_EXPORT)
  @Roles(...DEPARTMENT, 'association_staff', 'enterprise_user')
  @ApiOperation({ summary: '企业列表（联系电话脱敏）' })
  list(@CurrentCaller() caller: Caller, @Query() query: EnterpriseQueryDto) {
    return this.enterprises.list(caller, query);
  }

  @Get(':id')
  @Roles(...DEPARTMENT, 'association_staff', 'enterprise_user')
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.enterprises.get(caller, id);
  }

  @Patch(':id')
  @Roles(...DEPARTMENT, 'association_staff', 'enterprise_user')
  update(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: UpdateEnterpriseDto) {
    return this.enterprises.update(caller, id, body);
  }
}
