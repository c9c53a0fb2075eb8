import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { DATA_DIR, DB_NAME, PG_ADMIN_URL } from './env';

/** Stops the server started by globalSetup, then drops the run's database and data directory. */
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.CL_BROWSER_SERVER_PID);
  if (pid) await stop(pid);
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.end();
  rmSync(DATA_DIR, { recursive: true, force: true });
}

async function stop(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
