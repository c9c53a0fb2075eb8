import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const DATE = { strict: true } as const;

/** Filters of every statistic: a year or a date range (China dates), a cluster, an association. */
export class StatsQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '年份（默认当年）；from/to 可覆盖起止日期' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year 必须是 2000–2100 的整数' })
  @Min(2000, { message: 'year 必须是 2000–2100 的整数' })
  @Max(2100, { message: 'year 必须是 2000–2100 的整数' })
  year?: number;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDateString(DATE, { message: 'from 必须是日期 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString(DATE, { message: 'to 必须是日期 YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clusterId 必须是 UUID' })
  clusterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '协会用户只能看本协会（省略即本协会）' })
  @IsOptional()
  @IsUUID('all', { message: 'associationId 必须是 UUID' })
  associationId?: string;
}

const count = (name: string, example: number) =>
  ApiProperty({ example, minimum: 0, description: name }) as PropertyDecorator;

/** A year's targets, all three required. */
export class TargetBodyDto {
  @count('举办活动数目标', 120)
  @IsInt({ message: 'events 必须是非负整数' })
  @Min(0, { message: 'events 必须是非负整数' })
  @Max(1_000_000_000)
  events!: number;

  @count('服务企业数目标', 5000)
  @IsInt({ message: 'enterprisesServed 必须是非负整数' })
  @Min(0, { message: 'enterprisesServed 必须是非负整数' })
  @Max(1_000_000_000)
  enterprisesServed!: number;

  @count('合作意向数目标', 800)
  @IsInt({ message: 'intents 必须是非负整数' })
  @Min(0, { message: 'intents 必须是非负整数' })
  @Max(1_000_000_000)
  intents!: number;
}
