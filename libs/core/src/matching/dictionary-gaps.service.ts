import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chinaToday,
  createSegmenter,
  DictionaryGapCounter,
  fragmentedRuns,
  type DictionaryGap,
} from '@app/match-engine';
import { DataSource } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { offsetOf, type Page, type PageQuery } from '../common/page';
import { PostingEntity } from '../postings/posting.entity';
import { RegistryScope } from '../registry/registry-scope.service';
import { MatchTokenizer } from './match-tokenizer';

/**
 * The newest matchable postings read for one report, and how much of each description: 5,000 generated postings
 * (2.5 MB of text) segment in ~0.43 s on one core here; a description holds at most 5,000 characters, and the
 * words a posting is about come first.
 */
export const GAP_SAMPLE_POSTINGS = 5_000;
const DESCRIPTION_CHARS = 1_000;
/** Postings segmented between two turns of the event loop, so that other requests are served meanwhile. */
const POSTINGS_PER_TURN = 250;
/** A report is reused for paging, filtering by word and Excel for this long; the words change slowly. */
const REUSED_FOR_MS = 5 * 60_000;
const REPORTS_KEPT = 64;
/** The frequency and tag a site dictionary line gives a word (the shipped dictionary's own). */
const DICTIONARY_LINE_SUFFIX = ' 30000 n';

export interface DictionaryGapQuery extends PageQuery {
  clusterId?: string;
  /** Words in fewer postings are left out (default 2: a word one posting uses is often a typo). */
  minPostings?: number;
}

export interface DictionaryGapItem {
  word: string;
  postings: number;
  enterprises: number;
  examples: Array<{ id: string; title: string }>;
  /** The line to add to the site's `industrial-dict.txt`. */
  dictionaryLine: string;
}

export interface DictionaryGapReport extends Page<DictionaryGapItem> {
  /** Matchable postings in the caller's scope and filter, and how many of the newest were read. */
  postingsInScope: number;
  postingsRead: number;
}

interface Analysis {
  at: number;
  gaps: DictionaryGap[];
  titles: Map<string, string>;
  postingsInScope: number;
  postingsRead: number;
}

/**
 * Words that the matchable postings (published, not expired) use and the dictionary lacks (see
 * `fragmentedRuns`), for staff to add to the site dictionary (`MATCH_DICTIONARY_DIR`): until then such a word
 * matches only through its single characters. Reads the newest `GAP_SAMPLE_POSTINGS` such postings the caller
 * may see, with this process's dictionaries, so a word already added (and the process restarted) no longer shows.
 */
@Injectable()
export class DictionaryGapsService {
  private readonly cut: (text: string) => string[];
  private readonly analyses = new Map<string, Analysis>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: RegistryScope,
    tokenizer: MatchTokenizer,
  ) {
    this.cut = createSegmenter(tokenizer.options);
  }

  async report(caller: Caller, query: DictionaryGapQuery): Promise<DictionaryGapReport> {
    const analysis = await this.analysisFor(caller, query.clusterId);
    const q = query.q?.trim();
    const gaps = analysis.gaps.filter(
      (g) => g.postings >= (query.minPostings ?? 2) && (!q || g.word.includes(q)),
    );
    const items = gaps.slice(offsetOf(query), offsetOf(query) + query.pageSize).map((g) => ({
      word: g.word,
      postings: g.postings,
      enterprises: g.enterprises,
      examples: g.examplePostingIds.map((id) => ({ id, title: analysis.titles.get(id)! })),
      dictionaryLine: g.word + DICTIONARY_LINE_SUFFIX,
    }));
    return {
      items,
      total: gaps.length,
      page: query.page,
      pageSize: query.pageSize,
      postingsInScope: analysis.postingsInScope,
      postingsRead: analysis.postingsRead,
    };
  }

  /** The caller's scope analysed within the last REUSED_FOR_MS, or now. */
  private async analysisFor(caller: Caller, clusterId: string | undefined): Promise<Analysis> {
    const scopeKey = isDepartment(caller) ? 'department' : `${caller.role}:${caller.associationId}`;
    const key = `${scopeKey}|${clusterId ?? ''}`;
    const kept = this.analyses.get(key);
    if (kept && Date.now() - kept.at < REUSED_FOR_MS) return kept;
    const analysis = await this.analyse(caller, clusterId);
    this.analyses.delete(key);
    this.analyses.set(key, analysis);
    // a Map iterates in insertion order: the first key is the oldest report
    if (this.analyses.size > REPORTS_KEPT) this.analyses.delete(this.analyses.keys().next().value!);
    return analysis;
  }

  private async analyse(caller: Caller, clusterId: string | undefined): Promise<Analysis> {
    const qb = this.db
      .getRepository(PostingEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .addSelect('p.enterprise_id', 'enterpriseId')
      .addSelect('p.title', 'title')
      .addSelect('p.keywords', 'keywords')
      .addSelect(`left(p.description, ${DESCRIPTION_CHARS})`, 'description')
      .where(`p.status = 'published'`)
      .andWhere('(p.valid_until IS NULL OR p.valid_until >= :today)', { today: chinaToday() });
    this.scope.scopeByEnterprise(qb, caller, 'p.enterprise_id');
    if (clusterId) qb.andWhere('p.cluster_id = :clusterId', { clusterId });
    const postingsInScope = await qb.getCount();
    const postings = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id')
      .limit(GAP_SAMPLE_POSTINGS)
      .getRawMany<Pick<PostingEntity, 'id' | 'enterpriseId' | 'title' | 'keywords' | 'description'>>();
    const counter = new DictionaryGapCounter();
    const titles = new Map<string, string>();
    for (let i = 0; i < postings.length; i++) {
      if (i > 0 && i % POSTINGS_PER_TURN === 0) await new Promise((next) => setImmediate(next));
      const p = postings[i];
      titles.set(p.id, p.title);
      // each field alone, so that a run never joins the end of the title to the start of the keywords
      const runs = new Set<string>();
      for (const text of [p.title, ...p.keywords, p.description])
        for (const run of fragmentedRuns(this.cut(text))) runs.add(run);
      counter.add(p.id, p.enterpriseId, [...runs]);
    }
    return {
      at: Date.now(),
      gaps: counter.gapsFrom(1),
      titles,
      postingsInScope,
      postingsRead: postings.length,
    };
  }
}
