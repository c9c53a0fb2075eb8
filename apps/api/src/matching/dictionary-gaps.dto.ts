import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

export class DictionaryGapQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: '只看该集群的供需' })
  @IsOptional()
  @IsUUID('all', { message: 'clusterId 必须是 UUID (clusterId must be a UUID)' })
  clusterId?: string;

  @ApiPropertyOptional({ default: 2, minimum: 1, maximum: 100, description: '至少出现在多少条供需中' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minPostings 必须是整数 (minPostings must be a whole number)' })
  @Min(1, { message: 'minPostings 不能小于 1 (minPostings must be at least 1)' })
  @Max(100, { message: 'minPostings 不能大于 100 (minPostings must be at most 100)' })
  minPostings: number = 2;
}
