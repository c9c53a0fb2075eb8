import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateBy } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Rows in one synchronous Excel download of a list. */
export const MAX_EXPORT_ROWS = 100_000;

/** pageSize ≤ 200, except when the Excel export interceptor asked for every row of the list. */
const MaxPageSize = () =>
  ValidateBy({
    name: 'maxPageSize',
    validator: {
      validate: (value, args) =>
        typeof value === 'number' &&
        value <= ((args?.object as { export?: string }).export === 'xlsx' ? MAX_EXPORT_ROWS : MAX_PAGE_SIZE),
      defaultMessage: () => `pageSize 不能超过 ${MAX_PAGE_SIZE} (pageSize must not exceed ${MAX_PAGE_SIZE})`,
    },
  });

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 必须是正整数 (page must be a whole number)' })
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 必须是整数 (pageSize must be a whole number)' })
  @Min(1)
  @MaxPageSize()
  pageSize: number = 20;

  @ApiPropertyOptional({ description: '按名称、标题或编码搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** Set only by the Excel export interceptor; a client's own value is removed before validation. */
  @ApiHideProperty()
  @IsOptional()
  @IsIn(['xlsx'])
  export?: 'xlsx';
}
