import type { EnterpriseTier, PostingCategory, PostingKind } from './types';
import type { MatchWeights } from './match-weights';

/** The kind a posting of `kind` is matched against: a demand's counterparts are supplies, and back. */
export function counterpartKind(kind: PostingKind): PostingKind {
  return kind === 'demand' ? 'supply' : 'demand';
}

/** Integer codes used in the typed arrays of the index. */
export const CATEGORIES: readonly PostingCategory[] = [
  'product',
  'technology',
  'capacity',
  'equipment',
  'service',
  'market',
];
export const CATEGORY_LABELS: Record<PostingCategory, string> = {
  product: '物料/产品',
  technology: '技术攻关',
  capacity: '产能协作',
  equipment: '设备更新',
  service: '专业服务',
  market: '市场渠道',
};

export const TIERS: readonly EnterpriseTier[] = ['leading', 'backbone', 'key'];
export const TIER_LABELS: Record<EnterpriseTier, string> = {
  leading: '龙头企业',
  backbone: '骨干企业',
  key: '重点企业',
};

export function categoryCode(c: PostingCategory): number {
  const i = CATEGORIES.indexOf(c);
  if (i < 0) throw new Error(`unknown posting category ${String(c)}`);
  return i;
}

export function tierCode(t: EnterpriseTier | null): number {
  return t === null ? -1 : TIERS.indexOf(t);
}

/** `210102` → 210102; anything not six digits → -1 (no region signal). */
export function regionCode(code: string | null): number {
  return code !== null && /^\d{6}$/.test(code) ? Number(code) : -1;
}

/** Row-major 6×6 factor table: [queryCategory * 6 + candidateCategory]. Symmetric. */
export function categoryFactorTable(weights: MatchWeights): Float64Array {
  const n = CATEGORIES.length;
  const table = new Float64Array(n * n);
  for (let i = 0; i < n; i++) table[i * n + i] = weights.category.same;
  for (const [a, b, f] of weights.category.related) {
    const i = categoryCode(a);
    const j = categoryCode(b);
    table[i * n + j] = f;
    table[j * n + i] = f;
  }
  return table;
}
