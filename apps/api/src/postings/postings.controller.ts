import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PostingsService, RecommendationsService, type Caller, POSTING_EXPORT } from '@app/core';
import { CurrentCaller } from '../common/caller.decorator';
import { DEPARTMENT, Roles } from '../common/roles.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreatePostingDto, MatchesQueryDto, PostingQueryDto, UpdatePostingDto } from './posting.dto';
import { ExcelExport } from '../common/excel-export.decorator';

const POSTERS = [...DEPARTMENT, 'association_staff', 'enterprise_user'] as const;

@ApiTags('postings')
@ApiBearerAuth()
@Controller('postings')
export class PostingsController {
  constructor(
    private readonly postings: PostingsService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Post()
  @Roles(...POSTERS)
  @ApiOperation({ summary: '发布需求/供给（status=published 时排队匹配）' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreatePostingDto) {
    return this.postings.create(caller, body);
  }

  @Get()
  @ExcelExport(POSTING_EXPORT)
  @Roles(...POSTERS)
  list(@CurrentCaller() caller: Caller, @Query() query: PostingQueryDto) {
    return this.postings.list(caller, query);
  }

  @Get(':id')
  @Roles(...POSTERS)
  get(@CurrentCaller() caller: Caller, @UuidParam() id: string) {
    return this.postings.get(caller, id);
  }

  @Patch(':id')
  @Roles(...POSTERS)
  @ApiOperation({ summary: '修改、发布或关闭；已发布的修改会重新匹配' })
  update(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Body() body: UpdatePostingDto) {
    return this.postings.update(caller, id, body);
  }

  @Get(':id/matches')
  @Roles(...POSTERS)
  @ApiOperation({ summary: '匹配推荐：对方类型、已发布未过期，按得分排序并附理由' })
  matches(@CurrentCaller() caller: Caller, @UuidParam() id: string, @Query() query: MatchesQueryDto) {
    return this.recommendations.matchesOf(caller, id, query.limit, query.includeDismissed ?? false);
  }
}
