import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The corpus statistics matching scores with, one row a kind: postings, mean field lengths, postings per term
 * (`terms[i]` is in `frequencies[i]` postings). Taken from the published postings and kept until they drifted
 * (`corpus-statistics.store.ts`), so that a posting's edit moves the scores of its own pairs only, not every
 * score in the sixth decimal: a match run then rewrites only the lists that really changed.
 */
export class MatchCorpusStatistics1764450000000 implements MigrationInterface {
  name = 'MatchCorpusStatistics1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_corpus_statistics (
        kind varchar(8) PRIMARY KEY CONSTRAINT ck_match_corpus_statistics_kind CHECK (kind IN ('demand','supply')),
        documents integer NOT NULL CONSTRAINT ck_match_corpus_statistics_documents CHECK (documents >= 0),
        average_lengths double precision[] NOT NULL
          CONSTRAINT ck_match_corpus_statistics_lengths CHECK (cardinality(average_lengths) = 3),
        terms text[] NOT NULL,
        frequencies integer[] NOT NULL,
        taken_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_match_corpus_statistics_terms CHECK (cardinality(terms) = cardinality(frequencies))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE match_corpus_statistics`);
  }
}
