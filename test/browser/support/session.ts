import type { APIRequestContext, Page } from '@playwright/test';
import { BASE_URL, DEMO_PASSWORD } from './env';

export type DemoUser = 'demo_admin' | 'demo_staff' | 'demo_assoc' | 'demo_ent' | 'demo_reviewer';

export interface Session {
  accessToken: string;
  user: { id: string; username: string; role: string; associationId?: string; enterpriseId?: string };
}

const cache = new Map<string, Session>();

/** Logs in through the API (once per user and worker) to save UI logins; the login screen has its own tests. */
export async function apiLogin(
  request: APIRequestContext,
  username: DemoUser | string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const cached = cache.get(username);
  if (cached) return cached;
  const response = await request.post(`${BASE_URL}/api/v1/auth/login`, { data: { username, password } });
  if (!response.ok()) throw new Error(`login ${username}: ${response.status()} ${await response.text()}`);
  const session = (await response.json()) as Session;
  cache.set(username, session);
  return session;
}

/** Puts a session into the page's storage before the app loads, as the login screen would. */
export async function signIn(page: Page, username: DemoUser): Promise<Session> {
  const session = await apiLogin(page.request, username);
  await page.addInitScript((s) => {
    localStorage.setItem('clusterlink.token', s.accessToken);
    localStorage.setItem('clusterlink.user', JSON.stringify(s.user));
  }, session);
  return session;
}

/** A JSON call to the API as a user, for test set-up. */
export async function apiCall<T>(
  request: APIRequestContext,
  session: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    data,
    headers: { Authorization: `Bearer ${session.accessToken}` },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}
