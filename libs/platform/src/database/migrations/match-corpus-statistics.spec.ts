import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { MatchCorpusStatistics1764450000000 } from './1764450000000-match-corpus-statistics';

describe('migration 1764450000000: match corpus statistics', () => {
  const db = migratedDatabase();

  const table = async () =>
    (await db.sql.query(`SELECT to_regclass('match_corpus_statistics')::text AS t`)).rows[0].t as
      string | null;
  const insert = (kind: string, lengths: string, terms: string, frequencies: string) =>
    db.sql.query(
      `INSERT INTO match_corpus_statistics (kind, documents, average_lengths, terms, frequencies)
       VALUES ($1, 3, $2::float8[], $3::text[], $4::int[])`,
      [kind, lengths, terms, frequencies],
    );

  it('holds one row a kind, with three mean lengths and a frequency for each term', async () => {
    await insert('demand', '{3.5,1,12}', '{数控机床,炭黑}', '{2,1}');
    await expect(insert('demand', '{3.5,1,12}', '{}', '{}')).rejects.toThrow(/match_corpus_statistics_pkey/);
    await expect(insert('market', '{3.5,1,12}', '{}', '{}')).rejects.toThrow(
      /ck_match_corpus_statistics_kind/,
    );
    await expect(insert('supply', '{3.5,1}', '{}', '{}')).rejects.toThrow(
      /ck_match_corpus_statistics_lengths/,
    );
    await expect(insert('supply', '{3.5,1,12}', '{炭黑}', '{}')).rejects.toThrow(
      /ck_match_corpus_statistics_terms/,
    );
  });

  it('goes down and up again', async () => {
    await revertAndReapply(db.url, MatchCorpusStatistics1764450000000, {
      reverted: async () => expect(await table()).toBeNull(),
      reapplied: async () => expect(await table()).toBe('match_corpus_statistics'),
    });
  });
});
