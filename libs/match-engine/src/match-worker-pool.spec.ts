import { MatchIndex } from './match-index';
import { MatchWorkerPool } from './match-worker-pool';
import { posting } from './posting.factory';

const words = ['丁苯橡胶', '炭黑', '轮胎', '硫化机', '密炼机', '钢丝帘线', '白炭黑', '防老剂'];
const docsOf = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    posting({
      id: `x${String(i).padStart(3, '0')}`,
      enterpriseId: `e${i % 23}`,
      kind: i % 2 ? 'supply' : 'demand',
      title: `${words[i % 8]}${words[(i * 5) % 8]}`,
      description: words[(i * 3) % 8],
    }),
  );

describe('MatchWorkerPool', () => {
  it('produces exactly the single-thread result', async () => {
    const index = MatchIndex.build(docsOf(200));
    const pool = await MatchWorkerPool.start(2);
    try {
      const parallel = await pool.matchAll(index, { today: '2025-06-01' });
      expect(parallel).toEqual(index.matchAll({ today: '2025-06-01' }));
    } finally {
      await pool.close();
    }
  });

  it.each([1, 3])(
    'hands the same result over chunk by chunk, in query order (%i threads)',
    async (threads) => {
      const index = MatchIndex.build(docsOf(300));
      const pool = await MatchWorkerPool.start(threads);
      try {
        const chunks: Array<Array<[string, unknown]>> = [];
        for await (const chunk of pool.matchAllChunks(index, { today: '2025-06-01' }))
          chunks.push(chunk.map((list) => [list.postingId, list.results()]));
        expect(chunks.length).toBeGreaterThan(1);
        expect(new Map(chunks.flat())).toEqual(index.matchAll({ today: '2025-06-01' }));
        // the order is the re-match's query order: demands, then supplies, by posting id
        expect(chunks.flat().map(([id]) => id)).toEqual([...index.matchAll({ today: '2025-06-01' }).keys()]);
      } finally {
        await pool.close();
      }
    },
  );

  it.each([
    [1, 'fast'],
    [2, 'fast'],
    [2, 'exact'],
  ] as const)(
    'ranks every list as matchAll does and explains each one when read (%i threads, %s)',
    async (threads, mode) => {
      const index = MatchIndex.build(docsOf(300));
      const options = { today: '2025-06-01', mode };
      const expected = index.matchAll(options);
      const pool = await MatchWorkerPool.start(threads);
      try {
        for (const lists of [await pool.rankAll(index, options), index.rankAll(options)]) {
          expect(lists.map((l) => l.postingId)).toEqual([...expected.keys()]);
          for (const list of lists) {
            const results = expected.get(list.postingId)!;
            const ranked = Array.from(list.counterparts, (_, i) => [list.counterpartId(i), list.score(i)]);
            expect(ranked).toEqual(results.map((r) => [r.postingId, r.score]));
            expect(list.results()).toEqual(results);
          }
          expect(lists.some((l) => l.counterparts.length > 0 && l.results()[0].matchedTerms.length > 0)).toBe(
            true,
          );
        }
      } finally {
        await pool.close();
      }
    },
  );
});
