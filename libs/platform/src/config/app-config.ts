import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ProcessRole = 'all' | 'api' | 'worker';

/** The whole configuration, validated once at boot. Nothing else reads process.env. */
export interface AppConfig {
  port: number;
  databaseUrl: string | null;
  redisUrl: string;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  adminUsername: string;
  adminPassword: string | null;
  demoData: boolean;
  role: ProcessRole;
  dataDir: string;
  production: boolean;
  /** BullMQ key prefix; tests give each run its own so that parallel suites never share jobs. */
  queuePrefix: string;
  logLevel: string;
  /** Serve the built console from this folder when it exists. */
  webDistDir: string;
  /** When the nightly full re-match runs (cron, China time); null: never. */
  nightlyMatchCron: string | null;
  /** The site's own dictionary and synonym files, read on top of the shipped ones; null: none. */
  matchDictionaryDir: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parsePort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(name: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      `${name} must start with ${protocols.map((p) => p + '//').join(' or ')}, got "${raw}"`,
    );
  }
  return raw;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseRole(raw: string | undefined): ProcessRole {
  const role = (raw ?? 'all').trim();
  if (role === 'all' || role === 'api' || role === 'worker') return role;
  throw new ConfigError(`ROLE must be all, api or worker, got "${raw}"`);
}

/** Five cron fields (minute hour day month weekday) of digits, `*`, `/`, `-` and `,`; `off` turns the run off. */
function parseNightlyCron(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return '0 2 * * *';
  if (value.toLowerCase() === 'off') return null;
  const fields = value.split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => /^[\d*/,-]+$/.test(f))) {
    throw new ConfigError(
      `NIGHTLY_MATCH_CRON must be five cron fields (e.g. "0 2 * * *") or "off", got "${raw}"`,
    );
  }
  return fields.join(' ');
}

/** Files a site dictionary folder may hold (either or both). */
export const SITE_DICTIONARY_FILES = ['industrial-dict.txt', 'synonyms.tsv'] as const;

/**
 * MATCH_DICTIONARY_DIR names a folder of the site's own terms; without it, `<DATA_DIR>/dictionary` is used when it
 * exists. A folder that is named but missing, or holds neither file, stops start-up: matching would silently go on
 * without the terms staff added.
 */
function resolveDictionaryDir(raw: string | undefined, cwd: string, dataDir: string): string | null {
  const given = raw?.trim();
  const dir = given ? resolve(cwd, given) : join(dataDir, 'dictionary');
  if (!existsSync(dir)) {
    if (!given) return null;
    throw new ConfigError(`MATCH_DICTIONARY_DIR: folder "${dir}" does not exist`);
  }
  if (!SITE_DICTIONARY_FILES.some((f) => existsSync(join(dir, f))))
    throw new ConfigError(
      `MATCH_DICTIONARY_DIR: folder "${dir}" holds neither ${SITE_DICTIONARY_FILES.join(' nor ')}`,
    );
  return dir;
}

/** Without JWT_SECRET a random one is made once and kept under the data folder, so tokens survive restarts. */
function resolveJwtSecret(env: Env, dataDir: string): { secret: string; generated: boolean } {
  const given = env.JWT_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 16) throw new ConfigError('JWT_SECRET must be at least 16 characters long');
    return { secret: given, generated: false };
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), generated: true };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return { secret, generated: true };
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL
    ? parseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:'])
    : null;
  const redisUrl = parseUrl('REDIS_URL', env.REDIS_URL ?? 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const adminUsername = env.ADMIN_USERNAME ?? 'admin';
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(adminUsername)) {
    throw new ConfigError(`ADMIN_USERNAME must match ^[A-Za-z0-9_.-]{3,32}$, got "${adminUsername}"`);
  }
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters long');
  }
  const role = parseRole(env.ROLE);
  const port = parsePort(env);
  const demoData = parseBoolean('DEMO_DATA', env.DEMO_DATA, true);
  const jwt = resolveJwtSecret(env, dataDir);
  return {
    port,
    databaseUrl,
    redisUrl,
    jwtSecret: jwt.secret,
    jwtSecretGenerated: jwt.generated,
    adminUsername,
    adminPassword,
    demoData,
    role,
    dataDir,
    production: env.NODE_ENV === 'production',
    queuePrefix: env.QUEUE_PREFIX || 'clusterlink',
    logLevel: env.LOG_LEVEL || 'info',
    webDistDir: resolve(cwd, 'dist/web'),
    nightlyMatchCron: parseNightlyCron(env.NIGHTLY_MATCH_CRON),
    matchDictionaryDir: resolveDictionaryDir(env.MATCH_DICTIONARY_DIR, cwd, dataDir),
  };
}
