import { Inject, Injectable } from '@nestjs/common';
import { createTokenizer, type Tokenizer, type TokenizerOptions } from '@app/match-engine';
import { APP_CONFIG, SITE_DICTIONARY_FILES, type AppConfig } from '@app/platform';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The site's dictionary and synonym files in `dir` (either may be missing), as the engine's options. */
export function siteTokenizerOptions(dir: string | null): TokenizerOptions {
  if (dir === null) return {};
  const [dictionary, synonyms] = SITE_DICTIONARY_FILES.map((f) => join(dir, f));
  return {
    extraDictionaryPaths: existsSync(dictionary) ? [dictionary] : [],
    extraSynonymPaths: existsSync(synonyms) ? [synonyms] : [],
  };
}

/**
 * The tokenizer of every part of matching in this process (publishing, runs, events, the cache's threads): the
 * shipped dictionary and synonyms plus the site's own (`MATCH_DICTIONARY_DIR`), read once at start-up, so that a
 * malformed line stops start-up naming its file and line. Every process must be given the same files, or two
 * workers would score alike postings differently; a change takes effect at the next start, and the next nightly
 * run rewrites the lists whose terms it changed.
 */
@Injectable()
export class MatchTokenizer {
  readonly options: TokenizerOptions;
  readonly tokenizer: Tokenizer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'matchDictionaryDir'>) {
    this.options = siteTokenizerOptions(config.matchDictionaryDir);
    this.tokenizer = createTokenizer(this.options);
  }

  /** The shipped dictionary and synonyms only (tests and tools without a configuration). */
  static shipped(): MatchTokenizer {
    return new MatchTokenizer({ matchDictionaryDir: null });
  }
}
