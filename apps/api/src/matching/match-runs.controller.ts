import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MatchRunsService, NightlyMatchRuns, RecommendationsService, type Caller } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateMatchRunDto, MatchRunQueryDto, UpdateRecommendationDto } from './match-run.dto';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('match-runs')
export class MatchRunsController {
  constructor(
    private readonly runs: MatchRunsService,
    private readonly nightly: NightlyMatchRuns,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(...DEPARTMENT, 'association_staff')
  @ApiOperation({ summary: '排队一次匹配：全部、某集群或某条供需（202）' })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateMatchRunDto) {
    const run = await this.runs.create(caller, body);
    return { id: run.id, status: run.status };
  }

  @Get()
  @Roles(...DEPARTMENT, 'association_staff')
  @ApiOperation({ summary: '匹配运行记录（最新在前）：厅里看全部，协会看本会发起的' })
  list(@CurrentCaller() caller: Caller, @Query() query: MatchRunQueryDto) {
    return this.runs.list(caller, query);
  }

  // before ':id', which would take "schedule" for an id
  @Get('schedule')
  @Roles(...DEPARTMENT)
  @ApiOperation({
    summary: '每日全量匹配的时间表（cron，北京时间）与下次运行时间；未设置时 schedule 为 null',
  })
  async schedule() {
    return { schedule: await this.nightly.schedule() };
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
