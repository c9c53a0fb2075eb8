import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  POSTING_CATEGORIES,
  POSTING_KINDS,
  POSTING_STATUSES,
  type PostingCategory,
  type PostingKind,
  type PostingStatus,
} from '@app/core';
import { IsRegionCode, NormalizeRegionCode, Trim } from '../common/code-validators';
import { PageQueryDto } from '../common/page-query.dto';

export class CreatePostingDto {
  @ApiPropertyOptional({ format: 'uuid', description: '企业用户可省略（默认本企业）' })
  @IsOptional()
  @IsUUID('all', { message: 'enterpriseId 必须是 UUID' })
  enterpriseId?: string;

  @ApiProperty({ enum: POSTING_KINDS })
  @IsIn(POSTING_KINDS, { message: 'kind 必须是 demand|supply' })
  kind!: PostingKind;

  @ApiProperty({ enum: POSTING_CATEGORIES })
  @IsIn(POSTING_CATEGORIES, { message: `category 必须是 ${POSTING_CATEGORIES.join('|')}` })
  category!: PostingCategory;

  @ApiProperty({ example: '采购五轴联动数控机床 2 台', minLength: 4, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(4, 100, { message: '标题为 4–100 个字符 (title: 4–100 characters)' })
  title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: '描述不超过 5000 字 (description: at most 5,000 characters)' })
  description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['五轴联动', '数控机床'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '关键词不超过 20 个 (at most 20 keywords)' })
  @IsString({ each: true })
  @Length(1, 30, { each: true, message: '每个关键词 1–30 个字符' })
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((k) => (typeof k === 'string' ? k.trim() : k)) : value,
  )
  keywords?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clusterId 必须是 UUID' })
  clusterId?: string;

  @ApiPropertyOptional({ example: '210100' })
  @IsOptional()
  @NormalizeRegionCode()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: '有效期（含当日，北京时间）' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'validUntil 必须是日期 YYYY-MM-DD' })
  validUntil?: string;

  @ApiPropertyOptional({ example: 120, description: '金额（万元）' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'amountWan 必须是数字（万元，最多两位小数）' })
  @Min(0)
  @Max(999_999_999)
  amountWan?: number;

  @ApiPropertyOptional({ enum: POSTING_STATUSES, default: 'draft', description: 'published 时排队匹配' })
  @IsOptional()
  @IsIn(POSTING_STATUSES, { message: 'status 必须是 draft|published|closed' })
  status?: PostingStatus;
}

/** null for a required field is a 400, not a NOT NULL failure in the database. */
export class UpdatePostingDto extends PartialType(
  OmitType(CreatePostingDto, ['enterpriseId', 'kind'] as const),
  {
    skipNullProperties: false,
  },
) {}

export class PostingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POSTING_KINDS }) @IsOptional() @IsIn(POSTING_KINDS) kind?: PostingKind;
  @ApiPropertyOptional({ enum: POSTING_CATEGORIES })
  @IsOptional()
  @IsIn(POSTING_CATEGORIES)
  category?: PostingCategory;
  @ApiPropertyOptional({ enum: POSTING_STATUSES })
  @IsOptional()
  @IsIn(POSTING_STATUSES)
  status?: PostingStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') clusterId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') enterpriseId?: string;
  @ApiPropertyOptional() @IsOptional() @NormalizeRegionCode() @IsRegionCode() regionCode?: string;
}

export class MatchesQueryDto {
  @ApiPropertyOptional({ default: 10, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'limit 必须是数字' })
  @Min(1)
  @Max(50)
  limit: number = 10;

  @ApiPropertyOptional({ default: false, description: '包含已标记“不相关”的推荐' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  includeDismissed?: boolean;
}
