import type { MatchDocument } from './types';

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
