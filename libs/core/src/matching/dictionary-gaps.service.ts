import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createSegmenter, DictionaryGapCounter, fragmentedRuns } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { Caller } from '../common/caller';
import { offsetOf, type Page, type PageQuery } from '../common/page';
import { PostingEntity } from '../postings/posting.entity';
import { RegistryScope } from '../registry/registry-scope.service';
import { MatchTokenizer } from './match-tokenizer';

/**
 * The newest published postings read for one report, and how much of each description: 5,000 generated postings
 * (2.5 MB of text) segment in ~0.43 s on one core here; a description is at most 5,000 characters, and the
 * words a posting is about come first.
 */
export const GAP_SAMPLE_POSTINGS = 5_000;
const DESCRIPTION_CHARS = 1_000;
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
  /** Published postings in the caller's scope and filter, and how many of the newest were read. */
  postingsInScope: number;
  postingsRead: number;
}

/**
 * Words that the published postings use and the dictionary lacks (see `fragmentedRuns`), for staff to add to
 * the site dictionary (`MATCH_DICTIONARY_DIR`): until then such a word matches only through its single
 * characters. Reads the newest `GAP_SAMPLE_POSTINGS` published postings the caller may see, with this process's
 * dictionaries, so a word already added (and the process restarted) no longer shows.
 */
@Injectable()
export class DictionaryGapsService {
  private readonly cut: (text: string) => string[];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: RegistryScope,
    tokenizer: MatchTokenizer,
  ) {
    this.cut = createSegmenter(tokenizer.options);
  }

  async report(caller: Caller, query: DictionaryGapQuery): Promise<DictionaryGapReport> {
    const qb = this.db
      .getRepository(PostingEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .addSelect('p.enterprise_id', 'enterpriseId')
      .addSelect('p.title', 'title')
      .addSelect('p.keywords', 'keywords')
      .addSelect(`left(p.description, ${DESCRIPTION_CHARS})`, 'description')
      .where(`p.status = 'published'`);
    this.scope.scopeByEnterprise(qb, caller, 'p.enterprise_id');
    if (query.clusterId) qb.andWhere('p.cluster_id = :clusterId', { clusterId: query.clusterId });
    const postingsInScope = await qb.getCount();
    const postings = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id')
      .limit(GAP_SAMPLE_POSTINGS)
      .getRawMany<Pick<PostingEntity, 'id' | 'enterpriseId' | 'title' | 'keywords' | 'description'>>();
    const counter = new DictionaryGapCounter();
    const titles = new Map<string, string>();
    for (const p of postings) {
      titles.set(p.id, p.title);
      // each field alone, so that a run never joins the end of the title to the start of the keywords
      const runs = new Set<string>();
      for (const text of [p.title, ...p.keywords, p.description])
        for (const run of fragmentedRuns(this.cut(text))) runs.add(run);
      counter.add(p.id, p.enterpriseId, [...runs]);
    }
    const q = query.q?.trim();
    const gaps = counter.gapsFrom(query.minPostings ?? 2).filter((g) => !q || g.word.includes(q));
    const items = gaps.slice(offsetOf(query), offsetOf(query) + query.pageSize).map((g) => ({
      word: g.word,
      postings: g.postings,
      enterprises: g.enterprises,
      examples: g.examplePostingIds.map((id) => ({ id, title: titles.get(id)! })),
      dictionaryLine: g.word + DICTIONARY_LINE_SUFFIX,
    }));
    return {
      items,
      total: gaps.length,
      page: query.page,
      pageSize: query.pageSize,
      postingsInScope,
      postingsRead: postings.length,
    };
  }
}
