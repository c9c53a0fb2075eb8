import { MatchIndex } from './match-index';
import { MatchWorkerPool } from './match-worker-pool';
import { posting } from './posting.factory';

describe('MatchWorkerPool', () => {
  it('produces exactly the single-thread result', async () => {
    const words = ['丁苯橡胶', '炭黑', '轮胎', '硫化机', '密炼机', '钢丝帘线', '白炭黑', '防老剂'];
    const docs = Array.from({ length: 200 }, (_, i) =>
      posting({
        id: `x${String(i).padStart(3, '0')}`,
        enterpriseId: `e${i % 23}`,
        kind: i % 2 ? 'supply' : 'demand',
        title: `${words[i % 8]}${words[(i * 5) % 8]}`,
        description: words[(i * 3) % 8],
      }),
    );
    const index = MatchIndex.build(docs);
    const pool = await MatchWorkerPool.start(2);
    try {
      const parallel = await pool.matchAll(index, { today: '2025-06-01' });
      expect(parallel).toEqual(index.matchAll({ today: '2025-06-01' }));
    } finally {
      await pool.close();
    }
  });
});
