import type { SynonymTable } from './synonym-table';
import { normaliseKey } from './synonym-table';

/** A chemical name inside a longer one is mostly another substance (聚丙烯 ⊃ 丙烯, 丙烯腈 ⊃ 丙烯): never a part. */
const CHEMICAL_NAME = /[烯烷醇酸苯腈醚酯胺烃酮醛]$/;

/**
 * Links compound terms with the shorter dictionary terms inside them, so that 数控机床 also yields 数控 and 机床
 * (and "CNC 机床", split in two, also yields 数控机床): postings that name the same thing at different
 * granularity still meet.
 */
export class CompoundExpander {
  private readonly parts = new Map<string, readonly string[]>();
  /** Left half → right half → the compound they make (every split of every known compound). */
  private readonly joins = new Map<string, Map<string, string>>();

  constructor(words: Iterable<string>, synonyms: SynonymTable) {
    const known = new Set<string>();
    for (const w of words) known.add(normaliseKey(w));
    for (const w of known) {
      const compound = synonyms.canonical(w);
      for (let i = 1; i < compound.length; i++) {
        const left = compound.slice(0, i);
        let rights = this.joins.get(left);
        if (rights === undefined) this.joins.set(left, (rights = new Map()));
        rights.set(compound.slice(i), compound);
      }
    }
    for (const w of known) {
      const canonical = synonyms.canonical(w);
      if (canonical.length < 3 || this.parts.has(canonical)) continue;
      const found: string[] = [];
      for (let len = canonical.length - 1; len >= 2; len--) {
        for (let start = 0; start + len <= canonical.length; start++) {
          const sub = canonical.slice(start, start + len);
          if (!known.has(sub) || CHEMICAL_NAME.test(sub)) continue;
          const c = synonyms.canonical(sub);
          if (c !== canonical && !found.includes(c)) found.push(c);
        }
      }
      if (found.length > 0) this.parts.set(canonical, found);
    }
  }

  /** Shorter known terms inside a canonical term (longest first), or undefined. */
  partsOf(canonical: string): readonly string[] | undefined {
    return this.parts.get(canonical);
  }

  /** The canonical compound made of two adjacent canonical tokens, if it is a known term. */
  join(left: string, right: string): string | undefined {
    return this.joins.get(left)?.get(right);
  }

  /** The compounds a canonical token starts, by the token that completes them (undefined: none). */
  joinsAfter(left: string): ReadonlyMap<string, string> | undefined {
    return this.joins.get(left);
  }
}
