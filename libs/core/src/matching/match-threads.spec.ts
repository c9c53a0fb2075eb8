import { MatchIndex, MatchWorkerPool } from '@app/match-engine';
import { posting } from '../../../match-engine/src/posting.factory';
import { MatchThreads } from './match-threads';

const words = ['丁苯橡胶', '炭黑', '轮胎', '硫化机', '密炼机', '钢丝帘线'];
const index = MatchIndex.build(
  Array.from({ length: 120 }, (_, i) =>
    posting({
      id: `p${String(i).padStart(3, '0')}`,
      enterpriseId: `e${i % 17}`,
      kind: i % 2 ? 'supply' : 'demand',
      title: `${words[i % 6]}${words[(i * 5) % 6]}`,
      description: words[(i * 3) % 6],
    }),
  ),
);
const options = { today: '2025-06-01', mode: 'fast' as const };

describe('MatchThreads', () => {
  const closed = jest.spyOn(MatchWorkerPool.prototype, 'close');
  const threads = new MatchThreads();
  beforeEach(() => closed.mockClear());
  afterAll(() => threads.onModuleDestroy());

  it('stops its threads when a run ends, so that none keeps the run’s index', async () => {
    const lists = new Map<string, unknown>();
    for await (const chunk of threads.matchAllChunks(index, options))
      for (const list of chunk) lists.set(list.postingId, list.results());
    expect(closed).toHaveBeenCalledTimes(1);
    expect(lists).toEqual(index.matchAll(options));
    // the next run starts threads of its own
    for await (const chunk of threads.matchAllChunks(index, options)) void chunk;
    expect(closed).toHaveBeenCalledTimes(2);
  });

  it('stops them too when the caller stops reading half-way', async () => {
    for await (const chunk of threads.matchAllChunks(index, options)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
