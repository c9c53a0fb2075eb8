/** Hands out values never handed out before: demo names and credit codes must be unique across the data set. */
export class UniqueValues {
  private readonly seen = new Set<string>();

  /** Calls make() until it returns a value not seen before. */
  take(make: () => string): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const value = make();
      if (!this.seen.has(value)) {
        this.seen.add(value);
        return value;
      }
    }
    throw new Error('demo data: could not make a unique value');
  }
}
