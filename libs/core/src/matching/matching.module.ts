import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { PostingsModule } from '../postings/postings.module';
import { RegistryModule } from '../registry/registry.module';
import { EventScope } from '../events/event-scope.service';
import { DictionaryGapsService } from './dictionary-gaps.service';
import { MatchRunEntity } from './match-run.entity';
import { MatchRunExecutor } from './match-run.executor';
import { MatchRunsService } from './match-runs.service';
import { MatchThreads } from './match-threads';
import { MatchTokenizer } from './match-tokenizer';
import { NightlyMatchRuns } from './nightly-match-runs';
import { PostingIndexCache } from './posting-index.cache';
import { PostingMatchBatcher } from './posting-match-batcher';
import { PostingMatcher } from './posting-matcher.service';
import { RecommendationEntity } from './recommendation.entity';
import { RecommendationsService } from './recommendations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MatchRunEntity, RecommendationEntity]),
    AuditModule,
    RegistryModule,
    PostingsModule,
  ],
  // EventScope lives here so that event-scope runs can be checked without a cycle with the events module.
  providers: [
    MatchRunsService,
    RecommendationsService,
    PostingIndexCache,
    PostingMatcher,
    PostingMatchBatcher,
    MatchRunExecutor,
    MatchThreads,
    MatchTokenizer,
    NightlyMatchRuns,
    EventScope,
    DictionaryGapsService,
  ],
  exports: [
    NightlyMatchRuns,
    MatchRunsService,
    RecommendationsService,
    PostingMatcher,
    PostingMatchBatcher,
    MatchRunExecutor,
    PostingIndexCache,
    MatchTokenizer,
    EventScope,
    DictionaryGapsService,
  ],
})
export class MatchingModule {}
