import { Body, Controller, Get, Headers, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  attentionXlsx,
  itemsXlsx,
  overviewXlsx,
  StatsService,
  TargetsService,
  type Caller,
  type StatsItem,
  type StatsXlsx,
} from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { wantsXlsx, XLSX_TYPE, xlsxFile } from '../common/xlsx-file';
import { StatsQueryDto, TargetBodyDto } from './stats.dto';
import { YearParam } from './year-param';

/** Department and reviewers everywhere; association staff on their own association's figures. */
const READERS = [...DEPARTMENT, 'reviewer'] as const;
const SCOPED_READERS = [...READERS, 'association_staff'] as const;

const download = (x: StatsXlsx) => xlsxFile(x.buffer, x.fileName, x.asciiName);

@ApiTags('stats')
@ApiBearerAuth()
@ApiProduces('application/json', XLSX_TYPE)
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @Roles(...SCOPED_READERS)
  @ApiOperation({
    summary:
      '统计总览：活动、参会、服务企业、洽谈、推荐、意向/签约/落地、转化漏斗、上年同期（协会只看本协会）',
  })
  async overview(
    @CurrentCaller() caller: Caller,
    @Query() query: StatsQueryDto,
    @Headers('accept') accept?: string,
  ) {
    const overview = await this.stats.overview(caller, query);
    if (!wantsXlsx(accept)) return overview;
    const filter = await this.stats.scope(caller, query);
    return download(await overviewXlsx(overview, await this.stats.describe(filter, query.year)));
  }

  @Get('by-association')
  @Roles(...READERS)
  @ApiOperation({ summary: '按协会统计（含无数据的协会）' })
  async byAssociation(
    @CurrentCaller() caller: Caller,
    @Query() query: StatsQueryDto,
    @Headers('accept') accept?: string,
  ) {
    const result = await this.stats.byAssociation(caller, query);
    return this.maybeXlsx(caller, query, accept, result, ['按协会统计', '协会', 'stats-by-association']);
  }

  @Get('by-cluster')
  @Roles(...READERS)
  @ApiOperation({ summary: '按集群统计（含无数据的集群）' })
  async byCluster(
    @CurrentCaller() caller: Caller,
    @Query() query: StatsQueryDto,
    @Headers('accept') accept?: string,
  ) {
    const result = await this.stats.byCluster(caller, query);
    return this.maybeXlsx(caller, query, accept, result, ['按集群统计', '集群', 'stats-by-cluster']);
  }

  @Get('by-month')
  @Roles(...SCOPED_READERS)
  @ApiOperation({ summary: '按月统计（活动按开始日期，意向/签约/落地按各自日期）' })
  async byMonth(
    @CurrentCaller() caller: Caller,
    @Query() query: StatsQueryDto,
    @Headers('accept') accept?: string,
  ) {
    const result = await this.stats.byMonth(caller, query);
    return this.maybeXlsx(caller, query, accept, result, ['按月统计', '月份', 'stats-by-month']);
  }

  @Get('by-event-type')
  @Roles(...SCOPED_READERS)
  @ApiOperation({ summary: '按活动类型统计' })
  async byEventType(
    @CurrentCaller() caller: Caller,
    @Query() query: StatsQueryDto,
    @Headers('accept') accept?: string,
  ) {
    const result = await this.stats.byEventType(caller, query);
    return this.maybeXlsx(caller, query, accept, result, [
      '按活动类型统计',
      '活动类型',
      'stats-by-event-type',
    ]);
  }

  @Get('attention')
  @Roles(...READERS)
  @ApiOperation({
    summary: '需关注：无牵头协会的集群、90天无活动的协会、举办超30天未结项的活动、超180天未签约的意向',
  })
  async attention(@Headers('accept') accept?: string) {
    const result = await this.stats.attention();
    return wantsXlsx(accept) ? download(await attentionXlsx(result)) : result;
  }

  private async maybeXlsx(
    caller: Caller,
    query: StatsQueryDto,
    accept: string | undefined,
    result: { items: StatsItem[] },
    [title, keyHeader, ascii]: [string, string, string],
  ) {
    if (!wantsXlsx(accept)) return result;
    const filter = await this.stats.scope(caller, query);
    const filters = await this.stats.describe(filter, query.year);
    return download(await itemsXlsx(title, keyHeader, result.items, filters, ascii));
  }
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get(':year')
  @Roles(...READERS)
  @ApiOperation({ summary: '年度目标与完成情况（实际值、按今日应完成值）' })
  get(@YearParam() year: number) {
    return this.targets.get(year);
  }

  @Put(':year')
  @Roles('dept_admin')
  @ApiOperation({ summary: '设置年度目标（厅管理员）：活动数、服务企业数、合作意向数' })
  put(@CurrentCaller() caller: Caller, @YearParam() year: number, @Body() body: TargetBodyDto) {
    return this.targets.put(caller, year, body);
  }
}
