import fc from 'fast-check';
import { MatchIndex } from './match-index';
import { posting } from './posting.factory';
import { reasonTermMask, termParts } from './result-explainer';

/** The rule the reasons follow, on strings: the first `max` terms not inside a longer matched term. */
function reasonTermsByText(terms: readonly string[], max: number): string[] {
  const shown: string[] = [];
  for (const t of terms) {
    if (shown.length >= max) break;
    if (terms.some((o) => o.length > t.length && o.includes(t))) continue;
    shown.push(t);
  }
  return shown;
}

describe('reason terms by id', () => {
  it('names the same terms as the string rule on random vocabularies', () => {
    const word = fc.string({
      unit: fc.constantFrom('数', '控', '机', '床', '轴', '五'),
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (vocab, count, max, seed) => {
          const ids = new Map(vocab.map((t, i) => [t, i]));
          const parts = termParts(vocab, ids);
          // a distinct selection of matched terms, in a seed-dependent order
          const picked = [...vocab.keys()]
            .sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b)
            .slice(0, count);
          const mask = reasonTermMask(Int32Array.from(picked), 0, picked.length, max, parts);
          const byId = picked.filter((_, i) => (mask & (1 << i)) !== 0).map((t) => vocab[t]);
          expect(byId).toEqual(
            reasonTermsByText(
              picked.map((t) => vocab[t]),
              max,
            ),
          );
          // a caller's marks give the same mask and are left zeroed for its next call
          const marks = new Uint8Array(vocab.length);
          const at = 3;
          const shifted = Int32Array.from([-1, -1, -1, ...picked]);
          expect(reasonTermMask(shifted, at, picked.length, max, parts, marks)).toBe(mask);
          expect(marks.every((m) => m === 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('explanations of a full re-match', () => {
  const words = ['数控机床', '数控', '机床', '五轴联动', '五轴', '刀具', '主轴', '夹具', '导轨', '丝杠'];
  const docs = Array.from({ length: 120 }, (_, i) =>
    posting({
      id: `p${String(i).padStart(3, '0')}`,
      enterpriseId: `e${i % 17}`,
      kind: i % 2 ? 'supply' : 'demand',
      category: (['equipment', 'technology', 'service'] as const)[i % 3],
      title: `${words[i % 10]}${words[(i * 3) % 10]}`,
      keywords: [words[(i * 7) % 10]],
      description: `${words[(i * 5) % 10]}和${words[(i * 9) % 10]}`,
      tier: i % 4 === 0 ? 'leading' : null,
      regionCode: i % 3 === 0 ? '210100' : '210200',
    }),
  );
  const index = MatchIndex.build(docs);

  it.each(['exact', 'fast'] as const)('are the ones a single query builds (%s)', (mode) => {
    const all = index.matchAll({ today: '2025-06-01', mode });
    for (const d of docs) {
      expect(all.get(d.id)).toEqual(index.query(d, { today: '2025-06-01', mode }));
    }
    expect([...all.values()].some((r) => r.length > 0)).toBe(true);
    for (const r of [...all.values()].flat()) {
      expect(r.reasons[0]).toBe(`关键词匹配：${reasonTermsByText(r.matchedTerms, 5).join('、')}`);
    }
  });
});
