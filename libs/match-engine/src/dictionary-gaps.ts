import { FUNCTION_CHARS, STOP_WORDS } from './stop-words';

/** Longer runs of single characters are a row of one-character words (钢、铁、铜、铝), not one word. */
const MAX_RUN = 8;
const SINGLE_HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;

/**
 * The words a segmentation shows the dictionary lacks. jieba, its HMM off, cuts a word it does not know into
 * single characters (殷瓦钢 → 殷 / 瓦 / 钢), and the tokenizer then matches on 瓦 or 钢 alone. So a run of two or
 * more single Han characters, none of them a function character or a stop word (求, 供), is most likely one
 * missing word. Each distinct run once, in text order.
 */
export function fragmentedRuns(pieces: readonly string[]): string[] {
  const runs = new Set<string>();
  let run = '';
  const close = () => {
    if (run.length >= 2 && run.length <= MAX_RUN) runs.add(run);
    run = '';
  };
  for (const piece of pieces) {
    if (SINGLE_HAN.test(piece) && !FUNCTION_CHARS.has(piece) && !STOP_WORDS.has(piece)) run += piece;
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

/**
 * Counts fragmented runs over many postings: how many postings and enterprises use each, so that staff add the
 * words that recur first. A word one enterprise repeats in all its postings counts once as an enterprise.
 */
export class DictionaryGapCounter {
  private readonly gaps = new Map<string, { postings: string[]; enterprises: Set<string> }>();

  add(postingId: string, enterpriseId: string, runs: readonly string[]): void {
    for (const word of runs) {
      let gap = this.gaps.get(word);
      if (!gap) this.gaps.set(word, (gap = { postings: [], enterprises: new Set() }));
      gap.postings.push(postingId);
      gap.enterprises.add(enterpriseId);
    }
  }

  /** Words in at least `minPostings` postings, the most enterprises first, then the most postings, then the word. */
  gapsFrom(minPostings: number): DictionaryGap[] {
    const out: DictionaryGap[] = [];
    for (const [word, { postings, enterprises }] of this.gaps) {
      if (postings.length < minPostings) continue;
      out.push({
        word,
        postings: postings.length,
        enterprises: enterprises.size,
        examplePostingIds: postings.slice(0, EXAMPLES),
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
