import { EntityManager } from 'typeorm';
import { loadClusterCatalogue } from '../registry/catalogue/cluster-catalogue';
import { ChainEntity } from '../registry/chain.entity';
import { ClusterEntity } from '../registry/cluster.entity';

/** Loads the shipped catalogue into an empty clusters table; afterwards the API is the source of truth. */
export async function loadCatalogueIfEmpty(
  m: EntityManager,
): Promise<{ clusters: number; chains: number } | null> {
  if ((await m.count(ClusterEntity)) > 0) return null;
  let chains = 0;
  const catalogue = loadClusterCatalogue();
  for (const def of catalogue) {
    const cluster = await m.save(
      m.create(ClusterEntity, {
        code: def.code,
        name: def.name,
        tier: def.tier,
        base: def.base,
        description: def.description,
      }),
    );
    await m.insert(
      ChainEntity,
      def.chains.map((ch) => ({
        clusterId: cluster.id,
        code: ch.code,
        name: ch.name,
        segments: ch.segments,
      })),
    );
    chains += def.chains.length;
  }
  return { clusters: catalogue.length, chains };
}
