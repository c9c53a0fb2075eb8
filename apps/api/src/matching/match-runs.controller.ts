import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MatchRunsService, RecommendationsService, type Caller } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateMatchRunDto, UpdateRecommendationDto } from './match-run.dto';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('match-runs')
export class MatchRunsController {
  constructor(private readonly runs: MatchRunsService) {}

  @Post()
  @HttpCode(202)
  @Roles(...DEPARTMENT, 'association_staff')
  @ApiOperation({ summary: '排队一次匹配：全部、某集群或某条供需（202）' })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateMatchRunDto) {
    const run = await this.runs.create(caller, body);
    return { id: run.id, status: run.status };
  }

  @Get(':id')
  @Roles(...DEPARTMENT, 'association_staff', 'enterprise_user')
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.runs.get(caller, id);
  }
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller('recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Patch(':id')
  @Roles(...DEPARTMENT, 'association_staff', 'enterprise_user')
  @ApiOperation({ summary: '标记推荐：已查看 / 已联系 / 不相关' })
  update(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: UpdateRecommendationDto) {
    return this.recommendations.setStatus(caller, id, body.status);
  }
}
