import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { INTENT_STAGES, type IntentMove, type IntentStage } from '@app/core';
import { IsRegionCode, NormalizeRegionCode, Trim } from '../common/code-validators';
import { PageQueryDto } from '../common/page-query.dto';

const DATE = { strict: true } as const;
const MOVES = ['signed', 'landed', 'dropped'] as const;

export class CreateIntentDto {
  @ApiPropertyOptional({ format: 'uuid', description: '企业用户可省略（默认本企业）' })
  @IsOptional()
  @IsUUID('all', { message: 'enterpriseId 必须是 UUID' })
  enterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '对方为已登记企业时填写' })
  @IsOptional()
  @IsUUID('all', { message: 'counterpartEnterpriseId 必须是 UUID' })
  counterpartEnterpriseId?: string;

  @ApiPropertyOptional({ example: '儋州某新材料有限公司', description: '对方为外部单位时填写名称' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200, { message: 'counterpartName 为 2–200 个字符' })
  counterpartName?: string;

  @ApiPropertyOptional({ example: '460400', description: '外部单位所在地行政区划代码' })
  @IsOptional()
  @NormalizeRegionCode()
  @IsRegionCode()
  counterpartRegionCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId 必须是 UUID' })
  eventId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId 必须是 UUID' })
  meetingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'recommendationId 必须是 UUID' })
  recommendationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clusterId 必须是 UUID' })
  clusterId?: string;

  @ApiProperty({ example: '五轴加工中心采购合作', minLength: 2, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(2, 200, { message: '意向名称为 2–200 个字符 (title: 2–200 characters)' })
  title!: string;

  @ApiPropertyOptional({ example: 850, description: '金额（万元）' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'amountWan 必须是数字（万元，最多两位小数）' })
  @Min(0, { message: 'amountWan 不能为负' })
  @Max(999_999_999)
  amountWan?: number;

  @ApiPropertyOptional({ example: 'CNY', default: 'CNY' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency 必须是三位大写币种代码，如 CNY、USD' })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-06-18', description: '达成意向日期，默认今天' })
  @IsOptional()
  @IsDateString(DATE, { message: 'reachedOn 必须是日期 YYYY-MM-DD' })
  reachedOn?: string;
}

export class IntentTransitionDto {
  @ApiProperty({ enum: MOVES, description: '签约 / 落地 / 终止' })
  @IsIn(MOVES, { message: 'to 必须是 signed|landed|dropped' })
  to!: IntentMove;

  @ApiProperty({ example: '2026-09-01' })
  @IsDateString(DATE, { message: 'on 必须是日期 YYYY-MM-DD' })
  on!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class IntentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTENT_STAGES }) @IsOptional() @IsIn(INTENT_STAGES) stage?: IntentStage;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') eventId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') clusterId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') enterpriseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString(DATE) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString(DATE) to?: string;
}
