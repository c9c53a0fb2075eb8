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
  private readonly compounds = new Set<string>();

  constructor(words: Iterable<string>, synonyms: SynonymTable) {
    const known = new Set<string>();
    for (const w of words) known.add(normaliseKey(w));
    for (const w of known) this.compounds.add(synonyms.canonical(w));
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
    const joined = left + right;
    return this.compounds.has(joined) ? joined : undefined;
  }
}
