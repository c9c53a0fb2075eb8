import { RegistryAndAccounts1764300000000 } from './migrations/1764300000000-registry-and-accounts';
import { PostingsAndMatching1764310000000 } from './migrations/1764310000000-postings-and-matching';
import { EventsMeetingsIntents1764320000000 } from './migrations/1764320000000-events-meetings-intents';
import { StatsTargets1764330000000 } from './migrations/1764330000000-stats-targets';
import { Imports1764340000000 } from './migrations/1764340000000-imports';
import { StatsRollup1764350000000 } from './migrations/1764350000000-stats-rollup';
import { Exports1764360000000 } from './migrations/1764360000000-exports';
import { DeferredRecommendationStats1764370000000 } from './migrations/1764370000000-deferred-recommendation-stats';
import { PostingsChangedIndex1764380000000 } from './migrations/1764380000000-postings-changed-index';
import { LeanerRecommendationWrites1764390000000 } from './migrations/1764390000000-leaner-recommendation-writes';
import { PostingKeysPerStatement1764400000000 } from './migrations/1764400000000-posting-keys-per-statement';
import { CheaperTimeOrderedIds1764410000000 } from './migrations/1764410000000-cheaper-time-ordered-ids';
import { MatchListDigests1764420000000 } from './migrations/1764420000000-match-list-digests';
import { TransitionChangesByGrouping1764430000000 } from './migrations/1764430000000-transition-changes-by-grouping';
import { GenericTransitionChangesByGrouping1764440000000 } from './migrations/1764440000000-generic-transition-changes-by-grouping';
import { MatchCorpusStatistics1764450000000 } from './migrations/1764450000000-match-corpus-statistics';
import { CheapScoreRewrites1764460000000 } from './migrations/1764460000000-cheap-score-rewrites';
import { ScheduledMatchRuns1764470000000 } from './migrations/1764470000000-scheduled-match-runs';

/** Every migration in order; a committed migration is never edited, only followed by a new one. */
export const MIGRATIONS = [
  RegistryAndAccounts1764300000000,
  PostingsAndMatching1764310000000,
  EventsMeetingsIntents1764320000000,
  StatsTargets1764330000000,
  Imports1764340000000,
  StatsRollup1764350000000,
  Exports1764360000000,
  DeferredRecommendationStats1764370000000,
  PostingsChangedIndex1764380000000,
  LeanerRecommendationWrites1764390000000,
  PostingKeysPerStatement1764400000000,
  CheaperTimeOrderedIds1764410000000,
  MatchListDigests1764420000000,
  TransitionChangesByGrouping1764430000000,
  GenericTransitionChangesByGrouping1764440000000,
  MatchCorpusStatistics1764450000000,
  CheapScoreRewrites1764460000000,
  ScheduledMatchRuns1764470000000,
];
