import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnterpriseTier, MatchDocument, PostingCategory, PostingKind } from '@app/match-engine';

/** Deterministic PRNG (mulberry32): the same seed gives the same postings on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shipped dictionary's sections (one a cluster or a family of terms) as realistic vocabularies. */
export function dictionarySections(): string[][] {
  const text = readFileSync(join(__dirname, '../../libs/match-engine/data/industrial-dict.txt'), 'utf8');
  const sections: string[][] = [];
  for (const line of text.split('\n')) {
    if (
      line.startsWith('# ') &&
      !line.includes('jieba') &&
      !line.includes('comments') &&
      !line.includes('freq')
    ) {
      sections.push([]);
    } else if (line.trim() && !line.startsWith('#') && sections.length > 0) {
      sections[sections.length - 1].push(line.split(/\s+/)[0]);
    }
  }
  return sections.filter((s) => s.length >= 10);
}

/** Long tail: every 8th two-to-four-character noun of jieba's general dictionary (product names, places, …). */
export function longTailWords(): string[] {
  const path = require.resolve('@node-rs/jieba/dict.txt');
  const out: string[] = [];
  let k = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (!word || !/^[\u4e00-\u9fff]{2,4}$/.test(word) || !['n', 'nz', 'vn'].includes(tag)) continue;
    if (k++ % 8 === 0) out.push(word);
  }
  return out;
}

const GENERIC =
  '质量 精度 交货期 工艺 规格 型号 标准 批量 小批量 定制 生产线 自动化 稳定性 可靠性 售后 技术支持 图纸 样品 认证 ' +
  '成本 效率 节能 环保 升级 改造 配套 本地化 国产化 研发 试制 检验 包装 运输 现场 安装 调试 培训 维护 备件 库存 ' +
  '年产 产能 订单 供货 长期合同 框架协议 招标 询价 报价 付款 账期 质保 寿命 耐磨 耐腐蚀 高温 低温 轻量化 智能化';
const CONNECT = ['，', '、', '和', '及', '，用于', '，要求', '；', '，并提供', '。'];
const MODELS = [
  'SBR1502',
  'M8',
  'M12',
  '5G',
  '12英寸',
  '8英寸',
  'N330',
  'PA66',
  '304不锈钢',
  '316L',
  'Q345B',
  'DN100',
];
const CATEGORIES: PostingCategory[] = ['product', 'technology', 'capacity', 'equipment', 'service', 'market'];
const TIERS: Array<EnterpriseTier | null> = ['leading', 'backbone', 'key', null, null, null];

export interface GeneratorOptions {
  demands: number;
  supplies: number;
  seed: number;
  enterprises?: number;
}

/** Postings whose words follow a Zipf-like law inside each cluster's vocabulary, plus generic words. */
export function generatePostings(o: GeneratorOptions): {
  demands: MatchDocument[];
  supplies: MatchDocument[];
} {
  const rnd = seededRandom(o.seed);
  const sections = dictionarySections();
  const generic = GENERIC.split(' ');
  const tail = longTailWords();
  // each cluster also owns a slice of the long tail: its own products, materials and places
  const slice = Math.floor(tail.length / sections.length);
  const clusterTail = sections.map((_, c) => tail.slice(c * slice, (c + 1) * slice));
  const pick = <T>(list: readonly T[], skew = 1): T => list[Math.floor(list.length * Math.pow(rnd(), skew))];
  const enterprises = o.enterprises ?? Math.max(10, Math.floor((o.demands + o.supplies) / 8));
  const enterpriseCluster = Array.from({ length: enterprises }, () => Math.floor(rnd() * sections.length));
  const make = (kind: PostingKind, i: number): MatchDocument => {
    const e = Math.floor(rnd() * enterprises);
    const home = enterpriseCluster[e];
    const clusterOf = (): number => (rnd() < 0.85 ? home : Math.floor(rnd() * sections.length));
    const term = (): string => {
      const c = clusterOf();
      return rnd() < 0.4 ? pick(sections[c], 1.5) : pick(clusterTail[c], 1.6);
    };
    const titleTerms = [term(), term()];
    const parts: string[] = [];
    const words = 18 + Math.floor(rnd() * 30);
    for (let k = 0; k < words; k++) {
      const r = rnd();
      parts.push(r < 0.6 ? term() : r < 0.75 ? pick(tail, 2) : r < 0.97 ? pick(generic, 1.3) : pick(MODELS));
      parts.push(pick(CONNECT));
    }
    const city = 210100 + 100 * Math.floor(rnd() * 14) + 2 + Math.floor(rnd() * 10);
    const expiry = rnd() < 0.03 ? '2024-12-31' : rnd() < 0.1 ? null : `2026-0${1 + Math.floor(rnd() * 9)}-15`;
    return {
      id: `${kind === 'demand' ? 'D' : 'S'}${String(i).padStart(6, '0')}`,
      enterpriseId: `E${e}`,
      kind,
      category: rnd() < 0.6 ? CATEGORIES[home % 6] : pick(CATEGORIES),
      title: `${kind === 'demand' ? '求购' : '供应'}${titleTerms.join('')}`,
      description: parts.join(''),
      keywords: [term(), term(), term()],
      clusterId: `C${clusterOf()}`,
      regionCode: String(city),
      validUntil: expiry,
      status: rnd() < 0.95 ? 'published' : rnd() < 0.5 ? 'draft' : 'closed',
      tier: pick(TIERS),
    };
  };
  return {
    demands: Array.from({ length: o.demands }, (_, i) => make('demand', i)),
    supplies: Array.from({ length: o.supplies }, (_, i) => make('supply', i)),
  };
}

/** Neighbouring clusters for the generator's cluster ids: each section next to the following one. */
export function generatedNeighbours(): Map<string, string[]> {
  const n = dictionarySections().length;
  return new Map(Array.from({ length: n - 1 }, (_, i) => [`C${i}`, [`C${i + 1}`]]));
}
