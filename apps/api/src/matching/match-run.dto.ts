import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { MATCH_RUN_SCOPES, MATCH_RUN_STATUSES, type MatchRunScope, type MatchRunStatus } from '@app/core';
import { PageQueryDto } from '../common/page-query.dto';

export class CreateMatchRunDto {
  @ApiProperty({ enum: MATCH_RUN_SCOPES })
  @IsIn(MATCH_RUN_SCOPES, { message: 'scope 必须是 all|cluster|event|posting' })
  scope!: MatchRunScope;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') clusterId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') eventId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') postingId?: string;
}

export class UpdateRecommendationDto {
  @ApiProperty({ enum: ['viewed', 'contacted', 'dismissed'] })
  @IsIn(['viewed', 'contacted', 'dismissed'], { message: 'status 必须是 viewed|contacted|dismissed' })
  status!: 'viewed' | 'contacted' | 'dismissed';
}

export class MatchRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MATCH_RUN_SCOPES })
  @IsOptional()
  @IsIn(MATCH_RUN_SCOPES, { message: 'scope 必须是 all|cluster|event|posting' })
  scope?: MatchRunScope;

  @ApiPropertyOptional({ enum: MATCH_RUN_STATUSES })
  @IsOptional()
  @IsIn(MATCH_RUN_STATUSES, { message: 'status 必须是 queued|running|completed|failed' })
  status?: MatchRunStatus;
}
