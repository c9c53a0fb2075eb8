import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChainsService, ClustersService, type Caller, CLUSTER_EXPORT } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { ALL_ROLES, DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  ChainQueryDto,
  ClusterQueryDto,
  CreateChainDto,
  CreateClusterDto,
  UpdateClusterDto,
} from './cluster.dto';
import { ExcelExport } from '../common/excel-export.decorator';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Post()
  @Roles(...DEPARTMENT)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateClusterDto) {
    return this.clusters.create(caller, body);
  }

  @Get()
  @ExcelExport(CLUSTER_EXPORT)
  @Roles(...ALL_ROLES)
  list(@Query() query: ClusterQueryDto) {
    return this.clusters.list(query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  get(@UuidParam() id: string) {
    return this.clusters.get(id);
  }

  @Patch(':id')
  @Roles(...DEPARTMENT)
  update(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: UpdateClusterDto) {
    return this.clusters.update(caller, id, body);
  }
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('chains')
export class ChainsController {
  constructor(private readonly chains: ChainsService) {}

  @Post()
  @Roles(...DEPARTMENT)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateChainDto) {
    return this.chains.create(caller, body);
  }

  @Get()
  @Roles(...ALL_ROLES)
  list(@Query() query: ChainQueryDto) {
    return this.chains.list(query);
  }
}
