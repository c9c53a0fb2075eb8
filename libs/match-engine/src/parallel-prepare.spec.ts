import { prepareDocumentsInParallel } from './parallel-prepare';
import { prepareDocuments } from './prepared-document';
import type { MatchDocument } from './types';

const TEXTS = [
  ['求购五轴联动数控机床', ['CNC', '五轴联动'], '用于航空结构件加工，要求定位精度0.005mm，两台。'],
  ['供应丁苯橡胶SBR1502', ['SBR', '橡胶'], ''],
  ['寻找12英寸晶圆刻蚀设备维保服务', [], '我公司长期需要刻蚀机、PVD设备的维修保养（沈阳）。'],
  ['ＰＰ聚丙烯注塑件代加工', ['聚丙烯', 'PP', '注塑'], '年产能力充足，304不锈钢模具，欢迎联系！'],
] as const;

function docs(n: number): MatchDocument[] {
  return Array.from({ length: n }, (_, i): MatchDocument => {
    const [title, keywords, description] = TEXTS[i % TEXTS.length];
    return {
      id: `doc-${i}`,
      enterpriseId: `ent-${i % 37}`,
      kind: i % 2 ? 'supply' : 'demand',
      category: 'product',
      title: `${title}${i % 5 === 0 ? '' : ` 第${i}批`}`,
      keywords: [...keywords],
      description,
      clusterId: null,
      regionCode: '210102',
      validUntil: null,
      status: 'published',
      tier: null,
    };
  });
}

describe('prepareDocumentsInParallel', () => {
  it('gives what prepareDocuments gives, in order, when worker threads share the work', async () => {
    const input = docs(2500);
    const parallel = await prepareDocumentsInParallel(input, 2);
    expect(parallel).toEqual(prepareDocuments(input));
    expect(parallel.map((p) => p.doc)).toEqual(input);
    expect(parallel[1].description).toEqual([]);
  }, 60_000);

  it('stays in this thread for a small set', async () => {
    const input = docs(10);
    expect(await prepareDocumentsInParallel(input, 2)).toEqual(prepareDocuments(input));
  });
});
