import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDocumentsInParallel } from './parallel-prepare';
import { prepareDocuments } from './prepared-document';
import { createTokenizer } from './tokenizer';
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

  it('tokenises with the dictionary of its options on every thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlink-dict-'));
    try {
      // 刻蚀设备维保 is no shipped term; with a site dictionary it is one token on the worker threads too
      writeFileSync(join(dir, 'site-dict.txt'), '# 本站补充的词\n刻蚀设备维保 30000 n\n');
      const options = { extraDictionaryPaths: [join(dir, 'site-dict.txt')] };
      const input = docs(2500);
      const parallel = await prepareDocumentsInParallel(input, 2, options);
      expect(parallel).toEqual(prepareDocuments(input, createTokenizer(options)));
      const tokens = parallel.flatMap((p) => p.title);
      expect(tokens).toContain('刻蚀设备维保');
      expect(prepareDocuments(input).flatMap((p) => p.title)).not.toContain('刻蚀设备维保');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
