import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EVENT_STATUSES, EVENT_TYPES, type EventStatus, type EventType } from '@app/core';
import { IsRegionCode, NormalizeRegionCode, Trim } from '../common/code-validators';
import { PageQueryDto } from '../common/page-query.dto';

const DATE = { strict: true } as const;

export class CreateEventDto {
  @ApiProperty({ example: '2026年数控机床产业链供需对接会', minLength: 2, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(2, 200, { message: '活动名称为 2–200 个字符 (title: 2–200 characters)' })
  title!: string;

  @ApiProperty({ enum: EVENT_TYPES, description: '需求对接会/展会/展团/考察/论坛培训/线上对接' })
  @IsIn(EVENT_TYPES, { message: `type 必须是 ${EVENT_TYPES.join('|')}` })
  type!: EventType;

  @ApiPropertyOptional({ format: 'uuid', description: '主办协会；协会用户可省略（默认本协会）' })
  @IsOptional()
  @IsUUID('all', { message: 'associationId 必须是 UUID' })
  associationId?: string;

  @ApiPropertyOptional({ type: [String], description: '协办协会' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'coOrganiserIds 必须是 UUID 列表' })
  coOrganiserIds?: string[];

  @ApiProperty({ type: [String], description: '服务的集群（至少一个）' })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一个服务集群 (at least one cluster)' })
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'clusterIds 必须是 UUID 列表' })
  clusterIds!: string[];

  @ApiProperty({ example: '2026-06-18' })
  @IsDateString(DATE, { message: 'startDate 必须是日期 YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '2026-06-19' })
  @IsDateString(DATE, { message: 'endDate 必须是日期 YYYY-MM-DD' })
  endDate!: string;

  @ApiProperty({ example: '210100', description: '举办地行政区划代码（省内外均可）' })
  @NormalizeRegionCode()
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ example: '沈阳新世界博览馆' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @ApiPropertyOptional({ example: 12000, description: '参观人次（展会）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'visits 必须是整数 (visits: a whole number)' })
  @Min(0)
  @Max(100_000_000)
  visits?: number;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: EVENT_STATUSES, default: 'planned' })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status 必须是 ${EVENT_STATUSES.join('|')}` })
  status?: EventStatus;
}

export class UpdateEventDto extends PartialType(CreateEventDto, { skipNullProperties: false }) {}

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_TYPES }) @IsOptional() @IsIn(EVENT_TYPES) type?: EventType;
  @ApiPropertyOptional({ enum: EVENT_STATUSES }) @IsOptional() @IsIn(EVENT_STATUSES) status?: EventStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') associationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') clusterId?: string;
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDateString(DATE, { message: 'from 必须是日期 YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString(DATE, { message: 'to 必须是日期 YYYY-MM-DD' })
  to?: string;
}
