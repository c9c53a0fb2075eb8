import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { CLUSTER_TIERS, type ClusterTier } from '@app/core';
import { Trim } from '../common/code-validators';
import { PageQueryDto } from '../common/page-query.dto';

const CODE_RULE = /^[A-Za-z0-9_-]{1,32}$/;
const CODE_MESSAGE = '编码为 1–32 位字母、数字、_ 或 - (code must match ^[A-Za-z0-9_-]{1,32}$)';

export class CreateClusterDto {
  @ApiProperty({ example: 'CNC-MACHINE' })
  @Matches(CODE_RULE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '数控机床产业集群' })
  @Trim()
  @IsString()
  @Length(2, 100, { message: '名称为 2–100 个字符 (name: 2–100 characters)' })
  name!: string;

  @ApiProperty({ enum: CLUSTER_TIERS })
  @IsIn(CLUSTER_TIERS, { message: 'tier 必须是 world|national|regional' })
  tier!: ClusterTier;

  @ApiPropertyOptional({ example: '先进装备制造', description: '所属万亿级产业基地' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  base?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateClusterDto extends PartialType(CreateClusterDto, { skipNullProperties: false }) {}

export class ClusterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLUSTER_TIERS })
  @IsOptional()
  @IsIn(CLUSTER_TIERS)
  tier?: ClusterTier;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  base?: string;

  @ApiPropertyOptional({ description: '只看没有牵头协会的集群' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  withoutLead?: boolean;
}

class SegmentsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  upstream?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  midstream?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  downstream?: string[];
}

export class CreateChainDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'clusterId 必须是 UUID' })
  clusterId!: string;

  @ApiProperty({ example: 'CNC-CHAIN' })
  @Matches(CODE_RULE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '数控机床产业链' })
  @Trim()
  @IsString()
  @Length(2, 100)
  name!: string;

  @ApiPropertyOptional({ type: SegmentsDto, description: '上游/中游/下游环节' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SegmentsDto)
  segments?: SegmentsDto;
}

export class ChainQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  clusterId?: string;
}
