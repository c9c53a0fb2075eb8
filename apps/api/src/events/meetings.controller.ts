import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  buildEnterpriseScheduleWorkbook,
  buildTableScheduleWorkbook,
  MeetingsService,
  workbookToBuffer,
  type Caller,
  type MeetingView,
  type SheetMeeting,
} from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { ScheduleMeetingsDto, UpdateMeetingDto } from './meeting.dto';
import { XLSX_TYPE, xlsxFile } from '../common/xlsx-file';

const PARTIES = [...DEPARTMENT, 'association_staff', 'enterprise_user'] as const;

const toSheet = (m: MeetingView): SheetMeeting => ({
  slot: { start: m.slotStart.toISOString(), end: m.slotEnd.toISOString() },
  table: m.table,
  demand: { id: m.demandEnterpriseId, name: m.demandEnterpriseName, creditCode: m.demandCreditCode },
  supply: { id: m.supplyEnterpriseId, name: m.supplyEnterpriseName, creditCode: m.supplyCreditCode },
});

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post(':id/meetings/schedule')
  @HttpCode(202)
  @Roles(...DEPARTMENT, 'association_staff')
  @ApiOperation({
    summary: '排 1:1 洽谈（队列任务）：先在参会企业间匹配，再按得分分配时段与桌号；保留已确认的洽谈',
  })
  async schedule(
    @CurrentCaller() caller: Caller,
    @UuidParam() id: string,
    @Body() body: ScheduleMeetingsDto,
  ) {
    const run = await this.meetings.requestSchedule(caller, id, body);
    return { runId: run.id, id: run.id, status: run.status };
  }

  @Get(':id/meetings')
  @Roles(...PARTIES)
  @ApiOperation({ summary: '洽谈安排（企业只看本企业的）' })
  list(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.meetings.list(caller, id);
  }

  @Patch(':id/meetings/:mid')
  @Roles(...PARTIES)
  @ApiOperation({ summary: '记录洽谈结果：确认/已洽谈/未到场/达成意向/取消' })
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam() id: string,
    @UuidParam('mid') mid: string,
    @Body() body: UpdateMeetingDto,
  ) {
    return this.meetings.update(caller, id, mid, body);
  }

  @Get(':id/meetings/by-enterprise.xlsx')
  @Roles(...PARTIES)
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '按企业打印的洽谈日程（Excel）' })
  async byEnterprise(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    const { title, meetings } = await this.meetings.forSheets(caller, id);
    const buffer = await workbookToBuffer(buildEnterpriseScheduleWorkbook(title, meetings.map(toSheet)));
    return xlsxFile(buffer, `${title}-企业洽谈日程.xlsx`, 'schedule-by-enterprise.xlsx');
  }

  @Get(':id/meetings/by-table.xlsx')
  @Roles(...PARTIES)
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '按桌号打印的洽谈日程（Excel）' })
  async byTable(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    const { title, meetings } = await this.meetings.forSheets(caller, id);
    const buffer = await workbookToBuffer(buildTableScheduleWorkbook(title, meetings.map(toSheet)));
    return xlsxFile(buffer, `${title}-桌号洽谈日程.xlsx`, 'schedule-by-table.xlsx');
  }
}
