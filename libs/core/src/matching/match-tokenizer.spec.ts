import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchTokenizer } from './match-tokenizer';

describe('MatchTokenizer', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clusterlink-site-dict-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("adds the site's terms and synonyms to the shipped ones", () => {
    const text = '承接风机叶片前缘修复，另购数控机床';
    const shipped = MatchTokenizer.shipped().tokenizer.tokenize(text);
    expect(shipped).not.toContain('前缘修复');

    writeFileSync(join(dir, 'industrial-dict.txt'), '# 本站补充\n前缘修复\n');
    writeFileSync(join(dir, 'synonyms.tsv'), '叶片修复\t前缘修复\n');
    const site = new MatchTokenizer({ matchDictionaryDir: dir });
    expect(site.options.extraDictionaryPaths).toEqual([join(dir, 'industrial-dict.txt')]);
    const tokens = site.tokenizer.tokenize(text);
    // kept whole, then mapped to the canonical form of its group; the shipped terms still apply
    expect(tokens).toContain('叶片修复');
    expect(tokens).not.toContain('前缘修复');
    expect(tokens).toEqual(expect.arrayContaining(['风机叶片', '数控机床']));
  });

  it('reads a folder holding only synonyms', () => {
    writeFileSync(join(dir, 'synonyms.tsv'), '数控机床 数控母机\n');
    const site = new MatchTokenizer({ matchDictionaryDir: dir });
    expect(site.options).toEqual({
      extraDictionaryPaths: [],
      extraSynonymPaths: [join(dir, 'synonyms.tsv')],
    });
    expect(site.tokenizer.tokenize('采购数控母机')).toContain('数控机床');
  });

  it('refuses a malformed line, naming its file and line', () => {
    writeFileSync(join(dir, 'industrial-dict.txt'), '海工模块 30000 n\n殷瓦钢 很多\n');
    expect(() => new MatchTokenizer({ matchDictionaryDir: dir })).toThrow(
      `${join(dir, 'industrial-dict.txt')}:2: bad frequency in "殷瓦钢 很多"`,
    );
  });
});
