import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migration-list';

/** Arbitrary but fixed: every ClusterLink process takes this advisory lock before it migrates or seeds. */
export const STARTUP_LOCK_KEY = 724_0001;

/**
 * Runs pending migrations while holding a session-level advisory lock on a separate connection, so that
 * several processes starting at once migrate one after the other instead of racing.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.connect();
    await lockRunner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
    await dataSource.destroy();
  }
}
