import { test as base, expect, type Page, type Response } from '@playwright/test';

interface Allowance {
  pattern: RegExp;
  status: number;
}

export interface Guard {
  /** Declares a 4xx answer the flow expects (e.g. 401 for a wrong password), so the guard does not fail on it. */
  allow(pattern: RegExp, status: number): void;
  /** Problems seen so far (console errors, failed requests, 5xx, unexpected 4xx). */
  problems: string[];
}

/**
 * Every test gets a guard on its page: it fails the test on a console error, an uncaught page error, a failed request,
 * any 5xx and any 4xx the test did not declare.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const allowed: Allowance[] = [];
      const isAllowed = (url: string, status: number) =>
        allowed.some((a) => a.status === status && a.pattern.test(url));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // The response listener judges HTTP statuses; Chromium also logs each one as a console error.
        if (/Failed to load resource: the server responded with a status of/.test(message.text())) return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        problems.push(
          `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`,
        );
      });
      page.on('response', (response: Response) => {
        const status = response.status();
        const url = response.url();
        if (status >= 500) problems.push(`${status} from ${response.request().method()} ${url}`);
        else if (status >= 400 && !isAllowed(url, status))
          problems.push(`unexpected ${status} from ${response.request().method()} ${url}`);
      });
      await use({ allow: (pattern, status) => allowed.push({ pattern, status }), problems });
      expect(problems, 'console errors, failed requests or unexpected HTTP errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect, type Page };
