import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'enterprise' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: '含当日（北京时间）' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from 必须是日期 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '含当日（北京时间）' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to 必须是日期 YYYY-MM-DD' })
  to?: string;
}
