import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { MAX_BULK_CODES, PARTICIPANT_ROLES, type ParticipantRole } from '@app/core';
import { PageQueryDto } from '../common/page-query.dto';

export class TimeRangeDto {
  @ApiProperty({ example: '2026-06-18T09:00:00+08:00' })
  @IsDateString({ strict: true }, { message: 'start 必须是带时区的时间 (ISO 8601)' })
  start!: string;

  @ApiProperty({ example: '2026-06-18T09:30:00+08:00' })
  @IsDateString({ strict: true }, { message: 'end 必须是带时区的时间 (ISO 8601)' })
  end!: string;
}

const ROLE_MESSAGE = `role 必须是 ${PARTICIPANT_ROLES.join('|')}`;

export class RegisterParticipantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'enterpriseId 必须是 UUID' })
  enterpriseId!: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES, description: '采购方/供应方/参展商/观众' })
  @IsIn(PARTICIPANT_ROLES, { message: ROLE_MESSAGE })
  role!: ParticipantRole;

  @ApiPropertyOptional({ type: [TimeRangeDto], description: '不能洽谈的时间段' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  unavailable?: TimeRangeDto[];
}

export class UpdateParticipantDto {
  @ApiPropertyOptional({ enum: PARTICIPANT_ROLES })
  @IsOptional()
  @IsIn(PARTICIPANT_ROLES, { message: ROLE_MESSAGE })
  role?: ParticipantRole;

  @ApiPropertyOptional({ type: [TimeRangeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  unavailable?: TimeRangeDto[];
}

export class BulkRegisterDto {
  @ApiProperty({ type: [String], description: `统一社会信用代码列表（至多 ${MAX_BULK_CODES} 个）` })
  @IsArray()
  @ArrayMinSize(1, { message: '至少一个信用代码 (at least one credit code)' })
  @ArrayMaxSize(MAX_BULK_CODES, { message: `一次至多 ${MAX_BULK_CODES} 个 (at most ${MAX_BULK_CODES})` })
  @IsString({ each: true, message: 'creditCodes 必须是字符串列表' })
  creditCodes!: string[];

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES, { message: ROLE_MESSAGE })
  role!: ParticipantRole;
}

export class ParticipantQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTICIPANT_ROLES })
  @IsOptional()
  @IsIn(PARTICIPANT_ROLES)
  role?: ParticipantRole;

  @ApiPropertyOptional({ description: '只看已签到 / 未签到' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'checkedIn 必须是 true|false' })
  checkedIn?: boolean;
}
