import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One run's identity, fixed in the main process when the config loads and inherited by workers via the environment:
 * database name, queue prefix and data directory are unique per run.
 */
const run = (process.env.CL_BROWSER_RUN ??= randomBytes(4).toString('hex'));

export const PORT = Number(process.env.CL_BROWSER_PORT ?? 3137);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const PG_ADMIN_URL = process.env.CL_BROWSER_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DB_NAME = `clbrowser_${run}`;
export const DATABASE_URL = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
export const DATA_DIR = join(tmpdir(), `clbrowser-${run}`);
export const SERVER_ENV: Record<string, string> = {
  PORT: String(PORT),
  DATABASE_URL,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `clbrowser-${run}`,
  DEMO_DATA: 'true',
  JWT_SECRET: `browser-tests-${run}-0123456789abcdefghijklmnop`,
  ADMIN_PASSWORD: 'Admin12345!',
  ROLE: 'all',
  DATA_DIR,
  LOG_LEVEL: 'warn',
};
export const DEMO_PASSWORD = 'Demo2026';
