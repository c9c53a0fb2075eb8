import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { MATCH_RUN_SCOPES, type MatchRunScope } from '@app/core';

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
