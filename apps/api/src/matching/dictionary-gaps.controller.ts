import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DICTIONARY_GAP_EXPORT, DictionaryGapsService, type Caller } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { ExcelExport } from '../common/excel-export.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { DictionaryGapQueryDto } from './dictionary-gaps.dto';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('match-dictionary')
export class DictionaryGapsController {
  constructor(private readonly gaps: DictionaryGapsService) {}

  @Get('gaps')
  @Roles(...DEPARTMENT, 'association_staff')
  @ExcelExport(DICTIONARY_GAP_EXPORT)
  @ApiOperation({
    summary:
      '词典待补充词语：已发布未过期供需中被切成单字的词（按企业数、条数排序；q 按词语中的字筛选），厅里看全部，协会看本会现有会员；可导出 Excel',
  })
  report(@CurrentCaller() caller: Caller, @Query() query: DictionaryGapQueryDto) {
    return this.gaps.report(caller, query);
  }
}
