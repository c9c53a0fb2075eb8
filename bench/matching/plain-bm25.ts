import type { MatchDocument, Tokenizer } from '@app/match-engine';

/** Baseline: textbook BM25 (k1 1.2, b 0.75) over title + keywords + description, no rules, no structure. */
export class PlainBm25 {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[];
  private readonly avg: number;

  constructor(
    private readonly docs: readonly MatchDocument[],
    private readonly tokenizer: Tokenizer,
  ) {
    this.lengths = docs.map((d, i) => {
      const tokens = this.tokens(d);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        if (!this.postings.has(t)) this.postings.set(t, []);
        this.postings.get(t)!.push([i, n]);
      }
      return tokens.length;
    });
    this.avg = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  }

  private tokens(d: MatchDocument): string[] {
    return this.tokenizer.tokenize(`${d.title} ${d.keywords.join(' ')} ${d.description}`);
  }

  search(query: MatchDocument, limit: number): string[] {
    const scores = new Map<number, number>();
    const n = this.docs.length;
    for (const t of new Set(this.tokens(query))) {
      const list = this.postings.get(t) ?? [];
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [i, tf] of list) {
        const s = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * this.lengths[i]) / this.avg));
        scores.set(i, (scores.get(i) ?? 0) + s);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || (this.docs[a[0]].id < this.docs[b[0]].id ? -1 : 1))
      .slice(0, limit)
      .map(([i]) => this.docs[i].id);
  }
}
