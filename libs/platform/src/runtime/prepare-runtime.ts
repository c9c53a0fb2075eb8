import { AppConfig, ConfigError, loadConfig } from '../config/app-config';
import { runMigrations } from '../database/migrate';
import { startEmbeddedDatabase } from './embedded-database';
import { assertRedisReachable } from './redis-check';

export interface PreparedRuntime {
  config: AppConfig & { databaseUrl: string };
  /** Stops what this process started itself (the embedded PostgreSQL). */
  release(): Promise<void>;
}

/**
 * What every ClusterLink process does before Nest starts: validate the config, find or start PostgreSQL,
 * make sure Redis answers, migrate under an advisory lock. Any failure is one line and exit code 1.
 */
export async function prepareRuntime(log: (line: string) => void): Promise<PreparedRuntime> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
    throw error;
  }
  if (config.jwtSecretGenerated) {
    log(
      `JWT_SECRET is not set: using a generated secret kept in ${config.dataDir}/jwt-secret (set JWT_SECRET in production)`,
    );
  }
  await assertRedisReachable(config.redisUrl).catch((e: Error) => fail(e.message));
  let release = async (): Promise<void> => undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir, log).catch((e: Error) =>
      fail(`could not start the embedded PostgreSQL (${e.message}); set DATABASE_URL to use a server`),
    );
    databaseUrl = embedded.url;
    release = () => embedded.stop();
    log(`embedded PostgreSQL running (data in ${config.dataDir}/pg)`);
  }
  try {
    const ran = await runMigrations(databaseUrl);
    if (ran.length) log(`migrations applied: ${ran.join(', ')}`);
  } catch (error) {
    await release();
    fail(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { config: { ...config, databaseUrl }, release };
}

function fail(line: string): never {
  process.stderr.write(`ClusterLink cannot start: ${line}\n`);
  process.exit(1);
}
