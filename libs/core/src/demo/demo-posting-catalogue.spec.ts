import { createTokenizer } from '@app/match-engine';
import { POSTING_CATALOGUE } from './demo-posting-catalogue';

const HAN = /^[\u4e00-\u9fff]$/;
const lines = Object.values(POSTING_CATALOGUE).flat();
const keywords = [...new Set(lines.flatMap(([, , words]) => words.split(' ')))];

describe('the demo posting catalogue and the shipped dictionary', () => {
  const tokenizer = createTokenizer();

  // A keyword cut into single characters (海工模块 → 海 / 工 / 模块) matched unrelated postings on 工 and
  // named "海、工" in the reasons people read.
  it('keeps every keyword of the catalogue whole or as known words, never as single characters', () => {
    const broken = keywords
      .filter((k) => k.length > 1)
      .map((k) => [k, tokenizer.tokenize(k)] as const)
      .filter(([, tokens]) => tokens.length === 0 || tokens.some((t) => HAN.test(t)));
    expect(broken).toEqual([]);
  });
});
