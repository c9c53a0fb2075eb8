import type { KindArrays } from './kind-arrays';
import { MatchIndex } from './match-index';
import { FACTORY_WORDS, posting } from './posting.factory';

const words = FACTORY_WORDS;

/** Both kinds' arrays of an index over postings with few and (one) very many distinct terms. */
function arraysOf(): KindArrays[] {
  const many = Array.from({ length: 150 }, (_, i) => `型号A${i}`).join(' ');
  const docs = Array.from({ length: 60 }, (_, i) =>
    posting({
      id: `k${String(i).padStart(3, '0')}`,
      kind: i % 2 ? 'supply' : 'demand',
      title: `${words[(i * 7) % 10]}${words[i % 10]}`,
      keywords: [words[(i * 3) % 10]],
      description: i === 4 ? many : `${words[(i * 5) % 10]}、${words[(i + 1) % 10]}${words[(i * 7) % 10]}`,
    }),
  );
  const job = MatchIndex.build(docs).createBatchJob({ today: '2025-06-01' });
  return [job.demand, job.supply];
}

describe('the kind index builder', () => {
  it.each([0, 1])('writes forward lists that are the inverted lists transposed (kind %i)', (k) => {
    const x = arraysOf()[k];
    const inverted = new Map<string, number>();
    for (let t = 0; t + 1 < x.termOffsets.length; t++)
      for (let at = x.termOffsets[t]; at < x.termOffsets[t + 1]; at++)
        inverted.set(`${x.postDocs[at]}:${t}`, x.postImpacts[at]);
    let entries = 0;
    let longest = 0;
    for (let d = 0; d < x.docCount; d++) {
      const start = x.fwdOffsets[d];
      const end = x.fwdOffsets[d + 1];
      longest = Math.max(longest, end - start);
      for (let f = start; f < end; f++) {
        if (f > start) expect(x.fwdTerms[f]).toBeGreaterThan(x.fwdTerms[f - 1]);
        expect(x.fwdImpacts[f]).toBe(inverted.get(`${d}:${x.fwdTerms[f]}`));
        expect(x.fwdQueryWeights[f]).toBeGreaterThan(0);
        entries++;
      }
    }
    expect(entries).toBe(inverted.size);
    // the kinds' longest posting lists more distinct terms than the insertion sort takes
    if (k === 0) expect(longest).toBeGreaterThan(64);
  });
});
