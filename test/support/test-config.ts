import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@app/platform';

export const TEST_ADMIN = { username: 'admin', password: 'Admin12345' };

/** A complete config for one test app: own database, own queue prefix, quiet logs, no console bundle. */
export function testConfig(
  databaseUrl: string,
  overrides: Partial<AppConfig> = {},
): AppConfig & { databaseUrl: string } {
  const config: AppConfig = {
    port: 0,
    databaseUrl,
    redisUrl: 'redis://127.0.0.1:6379',
    jwtSecret: randomBytes(32).toString('hex'),
    jwtSecretGenerated: false,
    adminUsername: TEST_ADMIN.username,
    adminPassword: TEST_ADMIN.password,
    demoData: false,
    role: 'all',
    dataDir: join(tmpdir(), 'clusterlink-test'),
    production: false,
    queuePrefix: `cltest-${randomBytes(4).toString('hex')}`,
    logLevel: 'silent',
    webDistDir: join(tmpdir(), 'clusterlink-no-console'),
    // a spec about the nightly run turns it on; others leave no schedule behind in Redis
    nightlyMatchCron: null,
    matchDictionaryDir: null,
    ...overrides,
  };
  return { ...config, databaseUrl };
}
