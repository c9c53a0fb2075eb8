import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migration-list';

/** Tests of a migration's `down()`: undoes the migrations after `migration`, newest first, then it. */
export async function undoThrough(source: DataSource, migration: (typeof MIGRATIONS)[number]): Promise<void> {
  const index = MIGRATIONS.indexOf(migration);
  if (index < 0) throw new Error(`${migration.name} is not in the migration list`);
  for (let i = MIGRATIONS.length - 1; i >= index; i--)
    await source.undoLastMigration({ transaction: 'each' });
}
