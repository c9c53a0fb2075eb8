import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DictionaryGapCounter, fragmentedRuns } from './dictionary-gaps';
import { createSegmenter } from './tokenizer';

describe('fragmentedRuns', () => {
  const cut = createSegmenter();

  it('finds a word the dictionary lacks, cut into single characters', () => {
    expect(cut('求购镍钴锰三元材料')).toEqual(expect.arrayContaining(['镍', '钴', '锰']));
    expect(fragmentedRuns(cut('求购镍钴锰三元材料，用于动力电池'))).toEqual(['镍钴锰']);
  });

  it('reports each run of a text once', () => {
    expect(fragmentedRuns(cut('镍钴锰材料；镍钴锰前驱'))).toEqual(['镍钴锰']);
  });

  it('does not join one-character words that punctuation or function characters separate', () => {
    expect(fragmentedRuns(cut('钢、铁、铜、铝等'))).toEqual([]);
    expect(fragmentedRuns(['钢', '和', '铁'])).toEqual([]);
    // 可供镍钴锰, 急购镍钴锰, 售镍钴锰: a posting verb, not part of the word
    expect(fragmentedRuns(cut('可供镍钴锰三元正极'))).toEqual(['镍钴锰']);
    expect(cut('急购镍钴锰')).toEqual(['急', '购', '镍', '钴', '锰']);
    expect(fragmentedRuns(cut('急购镍钴锰'))).toEqual(['镍钴锰']);
    expect(fragmentedRuns(cut('诚购镍钴锰；售镍钴锰'))).toEqual(['镍钴锰']);
  });

  it('ignores words the dictionary holds and single characters alone', () => {
    expect(fragmentedRuns(cut('数控机床五轴联动加工中心，丁苯橡胶和炭黑'))).toEqual([]);
    expect(fragmentedRuns(['泵', 'LNG', '阀'])).toEqual([]);
  });

  it('leaves out a row of more than eight characters, one-character words rather than a word', () => {
    expect(fragmentedRuns([...'钢铁铜铝锌锡铅镍钴'])).toEqual([]);
    expect(fragmentedRuns([...'钢铁铜铝锌锡铅镍'])).toEqual(['钢铁铜铝锌锡铅镍']);
  });

  it('finds nothing once the site dictionary holds the word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaps-'));
    const dictionary = join(dir, 'industrial-dict.txt');
    writeFileSync(dictionary, '镍钴锰 30000 n\n');
    const siteCut = createSegmenter({ extraDictionaryPaths: [dictionary] });
    expect(siteCut('求购镍钴锰三元材料')).toContain('镍钴锰');
    expect(fragmentedRuns(siteCut('求购镍钴锰三元材料'))).toEqual([]);
  });
});

describe('DictionaryGapCounter', () => {
  it('ranks words by enterprises, then postings, then the word, from the given number of postings on', () => {
    const counter = new DictionaryGapCounter();
    counter.add('p1', 'e1', ['镍钴锰', '殷瓦']);
    counter.add('p2', 'e1', ['镍钴锰', '殷瓦']);
    counter.add('p3', 'e1', ['镍钴锰']);
    counter.add('p4', 'e2', ['殷瓦']);
    counter.add('p5', 'e3', ['热压', '裁床']);
    expect(counter.gapsFrom(2)).toEqual([
      { word: '殷瓦', postings: 3, enterprises: 2, examplePostingIds: ['p1', 'p2', 'p4'] },
      { word: '镍钴锰', postings: 3, enterprises: 1, examplePostingIds: ['p1', 'p2', 'p3'] },
    ]);
    expect(counter.gapsFrom(1).map((g) => g.word)).toEqual(['殷瓦', '镍钴锰', '热压', '裁床']);
  });

  it('counts a run for a shorter run inside it that is met on its own', () => {
    const counter = new DictionaryGapCounter();
    counter.add('p1', 'e1', ['镍钴锰']);
    counter.add('p2', 'e2', ['镍钴锰酸']);
    counter.add('p3', 'e3', ['钴锰酸锂', '镍钴锰']);
    counter.add('p4', 'e4', ['殷瓦']);
    expect(counter.gapsFrom(1)).toEqual([
      { word: '镍钴锰', postings: 3, enterprises: 3, examplePostingIds: ['p1', 'p3', 'p2'] },
      { word: '殷瓦', postings: 1, enterprises: 1, examplePostingIds: ['p4'] },
      // holds 钴锰, which no posting has alone
      { word: '钴锰酸锂', postings: 1, enterprises: 1, examplePostingIds: ['p3'] },
    ]);
  });

  it('does not fold a run into a shorter one met less often', () => {
    const counter = new DictionaryGapCounter();
    counter.add('p1', 'e1', ['镍钴锰']);
    counter.add('p2', 'e2', ['镍钴锰']);
    counter.add('p3', 'e3', ['镍钴']);
    expect(counter.gapsFrom(1).map((g) => [g.word, g.postings])).toEqual([
      ['镍钴锰', 2],
      ['镍钴', 1],
    ]);
  });

  it('keeps three example postings of a word', () => {
    const counter = new DictionaryGapCounter();
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) counter.add(id, id, ['镍钴锰']);
    expect(counter.gapsFrom(1)[0]).toMatchObject({ postings: 5, enterprises: 5 });
    expect(counter.gapsFrom(1)[0].examplePostingIds).toEqual(['p1', 'p2', 'p3']);
  });
});
