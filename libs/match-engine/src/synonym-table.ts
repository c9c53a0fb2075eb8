/** Alias → canonical form. Latin letters compare case-insensitively (keys are upper-cased). */
export class SynonymTable {
  private readonly canonicalOf = new Map<string, string>();

  static fromGroups(groups: ReadonlyArray<readonly string[]>): SynonymTable {
    const table = new SynonymTable();
    for (const group of groups) {
      const canonical = normaliseKey(group[0]);
      for (const word of group) {
        const key = normaliseKey(word);
        // first group wins, so a later file cannot silently re-map a shipped term
        if (!table.canonicalOf.has(key)) table.canonicalOf.set(key, canonical);
      }
    }
    return table;
  }

  /** The canonical form of a token already normalised with `normaliseKey`, or the token itself. */
  canonical(key: string): string {
    return this.canonicalOf.get(key) ?? key;
  }

  has(key: string): boolean {
    return this.canonicalOf.has(key);
  }

  get size(): number {
    return this.canonicalOf.size;
  }
}

const LOWER = /[a-z]/;

/** Upper-cases Latin letters (CNC = cnc); Chinese is left alone. */
export function normaliseKey(word: string): string {
  return LOWER.test(word) ? word.toUpperCase() : word;
}
