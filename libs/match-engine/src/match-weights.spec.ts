import { DEFAULT_MATCH_WEIGHTS, resolveWeights } from './match-weights';

describe('resolveWeights', () => {
  it('returns the defaults without an override', () => {
    expect(resolveWeights()).toBe(DEFAULT_MATCH_WEIGHTS);
  });

  it('merges nested numbers and replaces arrays', () => {
    const w = resolveWeights({ tier: { leading: 0.5 }, category: { related: [] } });
    expect(w.tier).toEqual({ ...DEFAULT_MATCH_WEIGHTS.tier, leading: 0.5 });
    expect(w.category.related).toEqual([]);
    expect(w.category.same).toBe(DEFAULT_MATCH_WEIGHTS.category.same);
    expect(DEFAULT_MATCH_WEIGHTS.tier.leading).not.toBe(0.5);
  });
});
