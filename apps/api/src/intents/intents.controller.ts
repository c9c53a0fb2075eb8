import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntentsService, type Caller, INTENT_EXPORT } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateIntentDto, IntentQueryDto, IntentTransitionDto } from './intent.dto';
import { ExcelExport } from '../common/excel-export.decorator';

const PARTIES = [...DEPARTMENT, 'association_staff', 'enterprise_user'] as const;

@ApiTags('intents')
@ApiBearerAuth()
@Controller('intents')
export class IntentsController {
  constructor(private readonly intents: IntentsService) {}

  @Post()
  @Roles(...PARTIES)
  @ApiOperation({ summary: '登记合作意向（来自活动、洽谈或推荐时一并关联）' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateIntentDto) {
    return this.intents.create(caller, body);
  }

  @Get()
  @ExcelExport(INTENT_EXPORT)
  @Roles(...PARTIES)
  list(@CurrentCaller() caller: Caller, @Query() query: IntentQueryDto) {
    return this.intents.list(caller, query);
  }

  @Get(':id')
  @Roles(...PARTIES)
  @ApiOperation({ summary: '意向详情，含各阶段日期与记录人' })
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.intents.get(caller, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...PARTIES)
  @ApiOperation({ summary: '推进阶段：意向→签约→落地，或终止；其他变更 409' })
  transition(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: IntentTransitionDto) {
    return this.intents.transition(caller, id, body);
  }
}
