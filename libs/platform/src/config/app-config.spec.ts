import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

/** A valid secret, so that tests of other variables never write a generated one. */
const SECRET = 'a-test-secret-of-32-characters!!';

describe('loadConfig', () => {
  let cwd: string;

  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'clusterlink-config-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('starts from zero configuration with the documented defaults', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      redisUrl: 'redis://127.0.0.1:6379',
      adminUsername: 'admin',
      adminPassword: null,
      demoData: true,
      role: 'all',
      dataDir: join(cwd, 'data'),
      production: false,
      jwtSecretGenerated: true,
      nightlyMatchCron: '0 2 * * *',
      matchDictionaryDir: null,
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads every variable when given', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgresql://u:p@db.example:5432/clusterlink',
        REDIS_URL: 'rediss://cache.example:6380',
        JWT_SECRET: SECRET,
        ADMIN_USERNAME: 'root.admin',
        ADMIN_PASSWORD: 'Secret1234',
        DEMO_DATA: 'false',
        ROLE: 'worker',
        NODE_ENV: 'production',
        NIGHTLY_MATCH_CRON: ' 30  1 * * 1-5 ',
      },
      cwd,
    );
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://u:p@db.example:5432/clusterlink',
      redisUrl: 'rediss://cache.example:6380',
      jwtSecret: SECRET,
      jwtSecretGenerated: false,
      adminUsername: 'root.admin',
      adminPassword: 'Secret1234',
      demoData: false,
      role: 'worker',
      production: true,
      nightlyMatchCron: '30 1 * * 1-5',
    });
    expect(existsSync(join(cwd, 'data', 'jwt-secret'))).toBe(false);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
    ['', true],
  ])('reads DEMO_DATA=%p as %p', (raw, expected) => {
    expect(loadConfig({ DEMO_DATA: raw, JWT_SECRET: SECRET }, cwd).demoData).toBe(expected);
  });

  it.each(['off', 'OFF'])('turns the nightly re-match off with NIGHTLY_MATCH_CRON=%s', (raw) => {
    expect(loadConfig({ NIGHTLY_MATCH_CRON: raw, JWT_SECRET: SECRET }, cwd).nightlyMatchCron).toBeNull();
  });

  it.each(['all', 'api', 'worker'])('accepts ROLE=%s', (role) => {
    expect(loadConfig({ ROLE: role, JWT_SECRET: SECRET }, cwd).role).toBe(role);
  });

  it.each(['postgres://localhost/x', 'postgresql://localhost/x'])('accepts DATABASE_URL=%s', (url) => {
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET }, cwd).databaseUrl).toBe(url);
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '0' }],
    ['PORT', { PORT: '-1' }],
    ['PORT', { PORT: '80.5' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['REDIS_URL', { REDIS_URL: 'nonsense' }],
    ['REDIS_URL', { REDIS_URL: 'http://127.0.0.1:6379' }],
    ['DEMO_DATA', { DEMO_DATA: 'maybe' }],
    ['ROLE', { ROLE: 'both' }],
    ['ADMIN_USERNAME', { ADMIN_USERNAME: 'a b' }],
    ['ADMIN_USERNAME', { ADMIN_USERNAME: 'ab' }],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }],
    ['JWT_SECRET', { JWT_SECRET: 'tooshort' }],
    ['NIGHTLY_MATCH_CRON', { NIGHTLY_MATCH_CRON: '0 2 * *' }],
    ['NIGHTLY_MATCH_CRON', { NIGHTLY_MATCH_CRON: 'at two' }],
    ['NIGHTLY_MATCH_CRON', { NIGHTLY_MATCH_CRON: '0 2 * * * *' }],
  ])('refuses a malformed %s (%o) with one line naming it', (name, env) => {
    const load = () => loadConfig({ JWT_SECRET: SECRET, ...env }, cwd);
    expect(load).toThrow(ConfigError);
    let message = '';
    try {
      load();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
    // A refused configuration writes nothing.
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it('generates a JWT secret once, keeps it under the data folder and returns it again', () => {
    const first = loadConfig({}, cwd);
    const file = join(cwd, 'data', 'jwt-secret');
    expect(first.jwtSecretGenerated).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = loadConfig({}, cwd);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.jwtSecretGenerated).toBe(true);

    // An empty JWT_SECRET counts as missing, and reads the same kept secret.
    expect(loadConfig({ JWT_SECRET: '' }, cwd).jwtSecret).toBe(first.jwtSecret);
    // A given secret wins and is not written.
    expect(loadConfig({ JWT_SECRET: SECRET }, cwd).jwtSecret).toBe(SECRET);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
  });

  it('keeps the generated secret under DATA_DIR, relative to the working directory', () => {
    const first = loadConfig({ DATA_DIR: 'state/here' }, cwd);
    expect(first.dataDir).toBe(join(cwd, 'state', 'here'));
    expect(readFileSync(join(cwd, 'state', 'here', 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
    expect(loadConfig({ DATA_DIR: 'state/here' }, cwd).jwtSecret).toBe(first.jwtSecret);
    // Another data folder is another installation: another secret.
    expect(loadConfig({ DATA_DIR: join(cwd, 'elsewhere') }, cwd).jwtSecret).not.toBe(first.jwtSecret);
  });

  it('reads the site dictionary from MATCH_DICTIONARY_DIR, or from the data folder when it has one', () => {
    const site = join(cwd, 'site-words');
    mkdirSync(site);
    expect(() => loadConfig({ JWT_SECRET: SECRET, MATCH_DICTIONARY_DIR: 'site-words' }, cwd)).toThrow(
      /MATCH_DICTIONARY_DIR: folder ".*site-words" holds neither industrial-dict\.txt nor synonyms\.tsv/,
    );
    writeFileSync(join(site, 'synonyms.tsv'), '数控机床 CNC机床\n');
    expect(
      loadConfig({ JWT_SECRET: SECRET, MATCH_DICTIONARY_DIR: 'site-words' }, cwd).matchDictionaryDir,
    ).toBe(site);
    expect(() => loadConfig({ JWT_SECRET: SECRET, MATCH_DICTIONARY_DIR: 'nowhere' }, cwd)).toThrow(
      /MATCH_DICTIONARY_DIR: folder ".*nowhere" does not exist/,
    );

    // unset: <DATA_DIR>/dictionary when it exists, else none
    expect(loadConfig({ JWT_SECRET: SECRET }, cwd).matchDictionaryDir).toBeNull();
    mkdirSync(join(cwd, 'data', 'dictionary'), { recursive: true });
    writeFileSync(join(cwd, 'data', 'dictionary', 'industrial-dict.txt'), '海工模块 30000 n\n');
    expect(loadConfig({ JWT_SECRET: SECRET }, cwd).matchDictionaryDir).toBe(join(cwd, 'data', 'dictionary'));
  });
});
