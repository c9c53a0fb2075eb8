import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AssociationsService,
  MembershipsService,
  type Caller,
  ASSOCIATION_EXPORT,
  MEMBER_EXPORT,
} from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { ALL_ROLES, DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { AddMemberDto, CreateAssociationDto, UpdateAssociationDto } from './association.dto';
import { ExcelExport } from '../common/excel-export.decorator';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('associations')
export class AssociationsController {
  constructor(
    private readonly associations: AssociationsService,
    private readonly memberships: MembershipsService,
  ) {}

  @Post()
  @Roles(...DEPARTMENT)
  @ApiOperation({ summary: '新增协会；一个集群最多一个牵头协会（冲突 409）' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateAssociationDto) {
    return this.associations.create(caller, body);
  }

  @Get()
  @ExcelExport(ASSOCIATION_EXPORT)
  @Roles(...ALL_ROLES)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto) {
    return this.associations.list(caller, query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.associations.get(caller, id);
  }

  @Patch(':id')
  @Roles(...DEPARTMENT, 'association_staff')
  update(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: UpdateAssociationDto) {
    return this.associations.update(caller, id, body);
  }

  @Post(':id/members')
  @Roles(...DEPARTMENT, 'association_staff')
  addMember(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: AddMemberDto) {
    return this.memberships.add(caller, id, body.enterpriseId, body.joinedOn ?? null);
  }

  @Get(':id/members')
  @ExcelExport(MEMBER_EXPORT)
  @Roles(...DEPARTMENT, 'association_staff')
  members(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Query() query: PageQueryDto) {
    return this.memberships.list(caller, id, query);
  }
}
