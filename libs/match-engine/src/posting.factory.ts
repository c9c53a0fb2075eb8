import type { MatchDocument } from './types';

/** Dictionary terms of two clusters (rubber, machine tools), for specs that make postings from them. */
export const FACTORY_WORDS: readonly string[] = [
  '丁苯橡胶',
  '炭黑',
  '轮胎',
  '硫化机',
  '密炼机',
  '钢丝帘线',
  '白炭黑',
  '防老剂',
  '数控机床',
  '五轴联动',
];

let seq = 0;

/** Test factory: a published, open-ended posting; override what the test is about. */
export function posting(overrides: Partial<MatchDocument> = {}): MatchDocument {
  seq++;
  return {
    id: `p${String(seq).padStart(4, '0')}`,
    enterpriseId: `e${seq}`,
    kind: 'supply',
    category: 'product',
    title: '',
    description: '',
    keywords: [],
    clusterId: null,
    regionCode: null,
    validUntil: null,
    status: 'published',
    tier: null,
    ...overrides,
  };
}
