import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventsService, ParticipantsService, type Caller, EVENT_EXPORT, PARTICIPANT_EXPORT } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateEventDto, EventQueryDto, UpdateEventDto } from './event.dto';
import {
  BulkRegisterDto,
  ParticipantQueryDto,
  RegisterParticipantDto,
  UpdateParticipantDto,
} from './participant.dto';
import { ExcelExport } from '../common/excel-export.decorator';

const MANAGERS = [...DEPARTMENT, 'association_staff'] as const;
const READERS = [...DEPARTMENT, 'association_staff', 'enterprise_user', 'reviewer'] as const;
const PARTICIPANT_READERS = [...DEPARTMENT, 'association_staff', 'enterprise_user'] as const;

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly participants: ParticipantsService,
  ) {}

  @Post()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '创建对接活动（协会只能创建本协会主办的活动）' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateEventDto) {
    return this.events.create(caller, body);
  }

  @Get()
  @ExcelExport(EVENT_EXPORT)
  @Roles(...READERS)
  @ApiOperation({ summary: '活动列表：厅里看全部，协会看主办/协办的，企业看参加的' })
  list(@CurrentCaller() caller: Caller, @Query() query: EventQueryDto) {
    return this.events.list(caller, query);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.events.get(caller, id);
  }

  @Patch(':id')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '修改活动或推进状态 planned→open→held→closed / cancelled（非法变更 409）' })
  update(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: UpdateEventDto) {
    return this.events.update(caller, id, body);
  }

  @Get(':id/summary')
  @Roles(...READERS)
  @ApiOperation({ summary: '活动成效：报名、签到、洽谈、意向、金额、服务企业数' })
  summary(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.events.summary(caller, id);
  }

  @Post(':id/participants')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '登记参会企业（会员或非会员）' })
  register(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: RegisterParticipantDto) {
    return this.participants.register(caller, id, body);
  }

  @Get(':id/participants')
  @ExcelExport(PARTICIPANT_EXPORT)
  @Roles(...PARTICIPANT_READERS)
  participantsOf(
    @CurrentCaller() caller: Caller,
    @UuidParam() id: string,
    @Query() query: ParticipantQueryDto,
  ) {
    return this.participants.list(caller, id, query);
  }

  @Post(':id/participants/bulk')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '按统一社会信用代码批量登记；未知代码逐个列出' })
  bulk(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: BulkRegisterDto) {
    return this.participants.registerBulk(caller, id, body.creditCodes, body.role);
  }

  @Patch(':id/participants/:pid')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '修改参会角色或不能洽谈的时间段' })
  updateParticipant(
    @CurrentCaller() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('pid') pid: string,
    @Body() body: UpdateParticipantDto,
  ) {
    return this.participants.update(caller, id, pid, body);
  }

  @Post(':id/participants/:pid/check-in')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '现场签到（重复签到保留首次时间）' })
  checkIn(@CurrentCaller() caller: Caller, @UuidParam() id: string, @UuidParam('pid') pid: string) {
    return this.participants.checkIn(caller, id, pid);
  }
}
