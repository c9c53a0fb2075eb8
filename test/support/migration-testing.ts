import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './test-database';
import { MIGRATIONS } from '../../libs/platform/src/database/migration-list';

/**
 * A spec's own database, migrated like production, with one open client (`sql`); `connect()` opens more. All of
 * them are closed, then the database dropped, after the spec.
 */
export function migratedDatabase(): {
  readonly url: string;
  readonly sql: Client;
  connect(): Promise<Client>;
} {
  let db: TestDatabase | undefined;
  const clients: Client[] = [];
  const connect = async (): Promise<Client> => {
    const client = new Client({ connectionString: db!.url });
    clients.push(client);
    await client.connect();
    return client;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    await connect();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await db?.drop();
  });
  return {
    get url() {
      return db!.url;
    },
    get sql() {
      return clients[0];
    },
    connect,
  };
}

/**
 * Tests a migration's `down()` whatever migrations follow it: undoes those, newest first, then it (`reverted`
 * checks the result), then applies them all again (`reapplied`).
 */
export async function revertAndReapply(
  url: string,
  migration: (typeof MIGRATIONS)[number],
  checks: { reverted: () => Promise<void>; reapplied: () => Promise<void> },
): Promise<void> {
  const index = MIGRATIONS.indexOf(migration);
  if (index < 0) throw new Error(`${migration.name} is not in the migration list`);
  const source = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
  });
  await source.initialize();
  try {
    for (let i = MIGRATIONS.length - 1; i >= index; i--)
      await source.undoLastMigration({ transaction: 'each' });
    await checks.reverted();
    await source.runMigrations({ transaction: 'each' });
    await checks.reapplied();
  } finally {
    await source.destroy();
  }
}
