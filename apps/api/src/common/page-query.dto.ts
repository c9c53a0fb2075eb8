import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 必须是正整数 (page must be a whole number)' })
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 必须是整数 (pageSize must be a whole number)' })
  @Min(1)
  @Max(200, { message: 'pageSize 不能超过 200 (pageSize must not exceed 200)' })
  pageSize: number = 20;

  @ApiPropertyOptional({ description: '按名称、标题或编码搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
