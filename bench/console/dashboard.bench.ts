/**
 * Console: how soon the department dashboard is usable on the demo data — from navigation until the year's cards
 * show figures and the charts have drawn — in Debian's Chromium against the built server (npm run build first).
 * Also the JavaScript the dashboard downloads. Run: npm run bench:dashboard  (env: DASH_RUNS)
 */
import { chromium, type Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import globalSetup from '../../test/browser/support/global-setup';
import globalTeardown from '../../test/browser/support/global-teardown';
import { BASE_URL, DEMO_PASSWORD } from '../../test/browser/support/env';

// These run inside the page (Playwright serialises the functions); Node's type library has no DOM.
declare const document: { querySelectorAll(selector: string): { length: number } };
declare const localStorage: { setItem(key: string, value: string): void };

const RUNS = Number(process.env.DASH_RUNS ?? 10);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function usable(page: Page): Promise<void> {
  await page.getByTestId('dashboard').getByText('已举办活动').first().waitFor();
  await page.locator('.chart-panel canvas').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.chart-panel canvas').length >= 3);
}

async function main(): Promise<void> {
  await globalSetup();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo_staff', password: DEMO_PASSWORD }),
    });
    const session = (await login.json()) as { accessToken: string; user: object };
    const cold: number[] = [];
    let scriptBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      // A new context each time: nothing cached, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript((s) => {
        localStorage.setItem('clusterlink.token', s.accessToken);
        localStorage.setItem('clusterlink.user', JSON.stringify(s.user));
      }, session);
      const page = await context.newPage();
      let bytes = 0;
      page.on('response', async (r) => {
        if (r.url().endsWith('.js')) bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      const t = performance.now();
      await page.goto(`${BASE_URL}/dept/dashboard`);
      await usable(page);
      cold.push(performance.now() - t);
      scriptBytes = bytes;
      await context.close();
    }
    process.stdout.write('\n| bench | figure | bar |\n|---|---|---|\n');
    process.stdout.write(
      `| dashboard usable on the demo data, first visit, ${RUNS} runs | p50 ${percentile(cold, 50).toFixed(0)} ms, p95 **${percentile(cold, 95).toFixed(0)} ms** | ≤ 2 s |\n`,
    );
    process.stdout.write(
      `| JavaScript downloaded by the dashboard | ${(scriptBytes / 1024).toFixed(0)} KB (uncompressed) | — |\n`,
    );
  } finally {
    await browser.close();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
