import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ENTERPRISE_SCALES, ENTERPRISE_TIERS, type EnterpriseScale, type EnterpriseTier } from '@app/core';
import {
  IsCreditCode,
  IsIndustryCode,
  IsRegionCode,
  NormalizeCreditCode,
  NormalizeIndustryCode,
  NormalizeRegionCode,
  Trim,
} from '../common/code-validators';
import { PageQueryDto } from '../common/page-query.dto';
import { PHONE_RULE } from './association.dto';

export class CreateEnterpriseDto {
  @ApiProperty({ example: '沈阳精工数控机床有限公司' })
  @Trim()
  @IsString()
  @Length(2, 100, { message: '名称为 2–100 个字符 (name: 2–100 characters)' })
  name!: string;

  @ApiProperty({
    example: '91110000710925462X',
    description: '统一社会信用代码（GB 32100-2015，校验位检查）',
  })
  @NormalizeCreditCode()
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ example: '210102', description: '行政区划代码（GB/T 2260）' })
  @NormalizeRegionCode()
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ example: 'C3421', description: '国民经济行业代码（GB/T 4754，字母+4位数字）' })
  @IsOptional()
  @NormalizeIndustryCode()
  @IsIndustryCode()
  industryCode?: string;

  @ApiProperty({ enum: ENTERPRISE_SCALES })
  @IsIn(ENTERPRISE_SCALES, { message: 'scale 必须是 large|medium|small|micro' })
  scale!: EnterpriseScale;

  @ApiPropertyOptional({ enum: ENTERPRISE_TIERS, description: '核心企业层级：龙头/骨干/重点' })
  @IsOptional()
  @IsIn(ENTERPRISE_TIERS, { message: 'tier 必须是 leading|backbone|key' })
  tier?: EnterpriseTier;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'clusterIds 的每一项必须是 UUID' })
  clusterIds?: string[];

  @ApiPropertyOptional({ example: '王强' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional({ example: '13900000000' })
  @IsOptional()
  @Matches(PHONE_RULE, { message: 'contactPhone 格式不正确 (5–20 digits)' })
  contactPhone?: string;
}

export class UpdateEnterpriseDto extends PartialType(CreateEnterpriseDto, { skipNullProperties: false }) {}

export class EnterpriseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '省、市或区县代码；省市代码包含其下所有区县' })
  @IsOptional()
  @NormalizeRegionCode()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') clusterId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') associationId?: string;
  @ApiPropertyOptional({ enum: ENTERPRISE_SCALES })
  @IsOptional()
  @IsIn(ENTERPRISE_SCALES)
  scale?: EnterpriseScale;
  @ApiPropertyOptional({ enum: ENTERPRISE_TIERS })
  @IsOptional()
  @IsIn(ENTERPRISE_TIERS)
  tier?: EnterpriseTier;
}
