import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEETING_STATUSES, type MeetingStatus } from '@app/core';
import { TimeRangeDto } from './participant.dto';

export class ScheduleMeetingsDto {
  @ApiProperty({ type: [TimeRangeDto], description: '洽谈时间段' })
  @IsArray()
  @ArrayMinSize(1, { message: '至少一个时间段 (at least one slot)' })
  @ArrayMaxSize(200, { message: '时间段至多 200 个 (at most 200 slots)' })
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  slots!: TimeRangeDto[];

  @ApiProperty({ example: 10, minimum: 1, maximum: 500, description: '洽谈桌数，编号 1..tables' })
  @Type(() => Number)
  @IsInt({ message: 'tables 必须是整数' })
  @Min(1, { message: 'tables 至少为 1' })
  @Max(500, { message: 'tables 至多 500' })
  tables!: number;

  @ApiPropertyOptional({ example: 6, default: 6, description: '每家企业至多洽谈场数' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxMeetingsPerEnterprise 必须是整数' })
  @Min(1)
  @Max(50)
  maxMeetingsPerEnterprise?: number;
}

export class UpdateMeetingDto {
  @ApiPropertyOptional({ enum: MEETING_STATUSES, description: '确认/已洽谈/未到场/达成意向/取消' })
  @IsOptional()
  @IsIn(MEETING_STATUSES, { message: `status 必须是 ${MEETING_STATUSES.join('|')}` })
  status?: MeetingStatus;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
