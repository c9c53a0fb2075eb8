import { FUNCTION_CHARS, STOP_WORDS } from './stop-words';

/** Longer runs of single characters are a row of one-character words (钢、铁、铜、铝), not one word. */
const MAX_RUN = 8;
const SINGLE_HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
/**
 * One-character posting verbs and their adverbs, which jieba leaves alone before a word it does not know
 * (急购镍钴锰 → 急 / 购 / 镍 / 钴 / 锰): never part of the missing word. 求 / 供 / 寻 are stop words already.
 */
const POSTING_VERB_CHARS: ReadonlySet<string> = new Set([...'购售卖买销租收招急诚欲']);

const partOfWord = (piece: string): boolean =>
  SINGLE_HAN.test(piece) &&
  !FUNCTION_CHARS.has(piece) &&
  !STOP_WORDS.has(piece) &&
  !POSTING_VERB_CHARS.has(piece);

/**
 * The words a segmentation shows the dictionary lacks. jieba, its HMM off, cuts a word it does not know into
 * single characters (殷瓦钢 → 殷 / 瓦 / 钢), and the tokenizer then matches on 瓦 or 钢 alone. So a run of two or
 * more single Han characters, none of them a function character, a stop word (求, 供) or a posting verb (购, 售),
 * is most likely one missing word. Each distinct run once, in text order.
 */
export function fragmentedRuns(pieces: readonly string[]): string[] {
  const runs = new Set<string>();
  let run = '';
  const close = () => {
    if (run.length >= 2 && run.length <= MAX_RUN) runs.add(run);
    run = '';
  };
  for (const piece of pieces) {
    if (partOfWord(piece)) run += piece;
    else close();
  }
  close();
  return [...runs];
}

export interface DictionaryGap {
  /** The characters as they stand in the texts: the word to add. */
  word: string;
  /** Distinct postings and enterprises whose texts hold it. */
  postings: number;
  enterprises: number;
  /** The first postings met that hold it (at most `EXAMPLES`). */
  examplePostingIds: string[];
}

const EXAMPLES = 3;

interface Uses {
  postings: Set<string>;
  enterprises: Set<string>;
}

/**
 * Counts fragmented runs over many postings: how many postings and enterprises use each, so that staff add the
 * words that recur first. A word one enterprise repeats in all its postings counts once as an enterprise.
 */
export class DictionaryGapCounter {
  private readonly gaps = new Map<string, Uses>();

  add(postingId: string, enterpriseId: string, runs: readonly string[]): void {
    for (const word of runs) {
      let uses = this.gaps.get(word);
      if (!uses) this.gaps.set(word, (uses = { postings: new Set(), enterprises: new Set() }));
      uses.postings.add(postingId);
      uses.enterprises.add(enterpriseId);
    }
  }

  /**
   * Words in at least `minPostings` postings, the most enterprises first, then the most postings, then the word.
   * A run that holds a shorter run met on its own in as many postings counts for the shorter one (镍钴锰酸 with
   * 镍钴锰): once the shorter word is in the dictionary, what is left of the longer shows again. A shorter run met
   * less often (a typo 镍钴 beside 镍钴锰) takes nothing.
   */
  gapsFrom(minPostings: number): DictionaryGap[] {
    const folded = new Map<string, Uses>();
    const usedAlone = (run: string) => this.gaps.get(run)!.postings.size;
    for (const [word, uses] of [...this.gaps].sort(([a], [b]) => a.length - b.length)) {
      const into = shortestPartIn(word, (part) => folded.has(part) && usedAlone(part) >= uses.postings.size);
      if (into === undefined) {
        folded.set(word, { postings: new Set(uses.postings), enterprises: new Set(uses.enterprises) });
        continue;
      }
      const target = folded.get(into)!;
      for (const p of uses.postings) target.postings.add(p);
      for (const e of uses.enterprises) target.enterprises.add(e);
    }
    const out: DictionaryGap[] = [];
    for (const [word, { postings, enterprises }] of folded) {
      if (postings.size < minPostings) continue;
      out.push({
        word,
        postings: postings.size,
        enterprises: enterprises.size,
        examplePostingIds: [...postings].slice(0, EXAMPLES),
      });
    }
    return out.sort(
      (a, b) =>
        b.enterprises - a.enterprises ||
        b.postings - a.postings ||
        (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
    );
  }
}

/** The shortest run inside `word` (not the whole of it) that `takes` accepts. */
function shortestPartIn(word: string, takes: (part: string) => boolean): string | undefined {
  for (let length = 2; length < word.length; length++)
    for (let at = 0; at + length <= word.length; at++) {
      const part = word.slice(at, at + length);
      if (takes(part)) return part;
    }
  return undefined;
}
