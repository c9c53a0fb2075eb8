import { EntityManager } from 'typeorm';

/**
 * Clusters are neighbours when they belong to the same trillion-level base (先进装备制造, 石化和精细化工, …):
 * their chains feed each other far more often than clusters across bases. Department edits to `base` apply.
 */
export async function loadClusterNeighbours(m: EntityManager): Promise<Map<string, string[]>> {
  const rows: { id: string; base: string | null }[] = await m.query('SELECT id, base FROM clusters');
  const byBase = new Map<string, string[]>();
  for (const r of rows) if (r.base) byBase.set(r.base, [...(byBase.get(r.base) ?? []), r.id]);
  const neighbours = new Map<string, string[]>();
  for (const r of rows) {
    if (r.base)
      neighbours.set(
        r.id,
        byBase.get(r.base)!.filter((id) => id !== r.id),
      );
  }
  return neighbours;
}
