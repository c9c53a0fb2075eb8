import {
  CHAIN_SEGMENTS,
  CLUSTER_CODE_PATTERN,
  INDUSTRIAL_BASES,
  loadClusterCatalogue,
  parseClusterCatalogue,
} from './cluster-catalogue';

describe('cluster catalogue', () => {
  const clusters = loadClusterCatalogue();
  const chains = clusters.flatMap((c) => c.chains);

  it('has about 22 clusters and 100+ chains', () => {
    expect(clusters).toHaveLength(22);
    expect(chains.length).toBeGreaterThanOrEqual(100);
  });

  it('uses unique codes that fit the contract', () => {
    const codes = [...clusters.map((c) => c.code), ...chains.map((c) => c.code)];
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(CLUSTER_CODE_PATTERN);
  });

  it('covers every tier and every industrial base', () => {
    expect(new Set(clusters.map((c) => c.tier))).toEqual(new Set(['world', 'national', 'regional']));
    expect(new Set(clusters.map((c) => c.base))).toEqual(new Set(INDUSTRIAL_BASES));
  });

  it('names clusters and chains in Chinese with all three segments', () => {
    for (const cluster of clusters) expect(cluster.name).toMatch(/产业集群$/);
    for (const chain of chains) {
      expect(chain.name).toMatch(/产业链$/);
      for (const segment of CHAIN_SEGMENTS) expect(chain.segments[segment].length).toBeGreaterThan(0);
    }
  });

  it('returns a fresh copy each time', () => {
    const copy = loadClusterCatalogue();
    copy[0].name = 'changed';
    expect(loadClusterCatalogue()[0].name).not.toBe('changed');
  });

  it.each([
    ['not an array', {}, 'expected an array'],
    ['a bad tier', [{ ...loadClusterCatalogue()[0], tier: 'global' }], 'bad tier'],
    ['a bad base', [{ ...loadClusterCatalogue()[0], base: '其他' }], 'bad base'],
    ['a bad code', [{ ...loadClusterCatalogue()[0], code: 'CNC MACHINE' }], 'bad code'],
    ['no chains', [{ ...loadClusterCatalogue()[0], chains: [] }], 'no chains'],
    ['a duplicate cluster', [loadClusterCatalogue()[0], loadClusterCatalogue()[0]], 'duplicate cluster'],
    [
      'an empty segment',
      [
        {
          ...loadClusterCatalogue()[0],
          chains: [
            { code: 'X', name: 'x产业链', segments: { upstream: [], midstream: ['a'], downstream: ['b'] } },
          ],
        },
      ],
      'bad upstream segment',
    ],
  ])('refuses data with %s', (_label, data, message) => {
    expect(() => parseClusterCatalogue(data)).toThrow(message);
  });
});
