import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { BASE_URL, DATA_DIR, DB_NAME, PG_ADMIN_URL, SERVER_ENV } from './env';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * Creates a fresh database, then starts the built server on it (here rather than in `webServer`, because
 * Playwright starts its webServer before globalSetup and the server migrates the database at start).
 */
export default async function globalSetup(): Promise<void> {
  for (const file of [SERVER, join(ROOT, 'dist', 'web', 'index.html')]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run npm run build:server and npm run build:web first`);
  }
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  mkdirSync(DATA_DIR, { recursive: true });

  const logDir = join(ROOT, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, 'browser-server.log'));
  const server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, ...SERVER_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  process.env.CL_BROWSER_SERVER_PID = String(server.pid);
  await waitForHealth(server);
}

async function waitForHealth(server: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`server exited with ${server.exitCode}; see test-results/browser-server.log`);
    try {
      const response = await fetch(`${BASE_URL}/health`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('server did not become healthy within 90 s; see test-results/browser-server.log');
}
