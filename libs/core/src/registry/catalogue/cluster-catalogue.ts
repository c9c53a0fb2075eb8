import catalogueData from './clusters.data.json';

/**
 * The initial cluster catalogue of Liaoning's "2211" industrial system, loaded into an empty database; afterwards
 * the department edits clusters and chains through the API, so this file is seed data, not the source of truth.
 *
 * The official list of the ~22 advantage clusters and their 100+ chains is not published in full. This catalogue
 * is a credible reconstruction from public reporting (cluster names, tiers, the four trillion-level bases, the
 * cities that host them); codes, chain breakdowns and segment wording are ours.
 */

export const CLUSTER_TIERS = ['world', 'national', 'regional'] as const;
export type ClusterTier = (typeof CLUSTER_TIERS)[number];

/** The four trillion-yuan industrial bases (万亿级产业基地) that group the clusters. */
export const INDUSTRIAL_BASES = ['先进装备制造', '石化和精细化工', '冶金新材料', '优质特色消费品'] as const;
export type IndustrialBase = (typeof INDUSTRIAL_BASES)[number];

/** Cluster and chain codes (API contract). */
export const CLUSTER_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export const CHAIN_SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type ChainSegment = (typeof CHAIN_SEGMENTS)[number];

export interface ChainDefinition {
  code: string;
  name: string;
  segments: Record<ChainSegment, string[]>;
}

export interface ClusterDefinition {
  code: string;
  name: string;
  tier: ClusterTier;
  base: IndustrialBase;
  description: string;
  chains: ChainDefinition[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every(isText);

function chainProblems(chain: unknown, where: string): string[] {
  if (!isRecord(chain)) return [`${where}: not an object`];
  const problems: string[] = [];
  if (typeof chain.code !== 'string' || !CLUSTER_CODE_PATTERN.test(chain.code))
    problems.push(`${where}: bad code`);
  if (!isText(chain.name)) problems.push(`${where}: missing name`);
  const segments = chain.segments;
  for (const segment of CHAIN_SEGMENTS) {
    if (!isRecord(segments) || !isTextList(segments[segment]))
      problems.push(`${where}: bad ${segment} segment`);
  }
  return problems;
}

function clusterProblems(cluster: unknown, where: string): string[] {
  if (!isRecord(cluster)) return [`${where}: not an object`];
  const problems: string[] = [];
  if (typeof cluster.code !== 'string' || !CLUSTER_CODE_PATTERN.test(cluster.code)) {
    problems.push(`${where}: bad code`);
  }
  if (!isText(cluster.name)) problems.push(`${where}: missing name`);
  if (!CLUSTER_TIERS.includes(cluster.tier as ClusterTier)) problems.push(`${where}: bad tier`);
  if (!INDUSTRIAL_BASES.includes(cluster.base as IndustrialBase)) problems.push(`${where}: bad base`);
  if (!isText(cluster.description)) problems.push(`${where}: missing description`);
  if (!Array.isArray(cluster.chains) || cluster.chains.length === 0)
    return [...problems, `${where}: no chains`];
  cluster.chains.forEach((chain, i) => problems.push(...chainProblems(chain, `${where}.chains[${i}]`)));
  return problems;
}

/**
 * Checks catalogue data (the bundled file, or an edited copy) and returns it typed; throws listing every problem.
 * Cluster codes and chain codes are each unique across the whole catalogue.
 */
export function parseClusterCatalogue(data: unknown): ClusterDefinition[] {
  if (!Array.isArray(data)) throw new Error('cluster catalogue: expected an array of clusters');
  const problems = data.flatMap((cluster, i) => clusterProblems(cluster, `clusters[${i}]`));
  if (problems.length === 0) {
    const clusters = data as ClusterDefinition[];
    const seen = new Set<string>();
    const codes = [
      ...clusters.map((c) => `cluster ${c.code}`),
      ...clusters.flatMap((c) => c.chains.map((chain) => `chain ${chain.code}`)),
    ];
    for (const code of codes) {
      if (seen.has(code)) problems.push(`duplicate ${code}`);
      seen.add(code);
    }
  }
  if (problems.length > 0) throw new Error(`cluster catalogue: ${problems.join('; ')}`);
  return data as ClusterDefinition[];
}

/** The bundled catalogue, checked; a fresh copy on each call so callers may change it freely. */
export function loadClusterCatalogue(): ClusterDefinition[] {
  return parseClusterCatalogue(structuredClone(catalogueData));
}
