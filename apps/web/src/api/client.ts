import { ApiError } from './errors';
import type { ErrorBody } from './types';

export const API_BASE = '/api/v1';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOKEN_KEY = 'clusterlink.token';

type Query = Record<string, string | number | boolean | null | undefined>;

let onUnauthorized: (() => void) | null = null;

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};

/** Called on a 401 from any authenticated request (the auth store logs out and goes to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(
  method: string,
  path: string,
  init: { query?: Query; body?: BodyInit; headers?: HeadersInit },
) {
  const headers = new Headers(init.headers);
  const token = tokenStore.get();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, init.query), { method, headers, body: init.body });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    if (response.status === 401 && token) onUnauthorized?.();
    throw new ApiError(response.status, body);
  }
  return response;
}

async function json<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const response = await send(method, path, {
    query,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers:
      body === undefined
        ? { Accept: 'application/json' }
        : { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** JSON requests with the bearer token; failures throw ApiError. */
export const api = {
  get: <T>(path: string, query?: Query) => json<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  upload: async <T>(path: string, file: File, field = 'file'): Promise<T> => {
    const form = new FormData();
    form.append(field, file);
    const response = await send('POST', path, { body: form, headers: { Accept: 'application/json' } });
    return (await response.json()) as T;
  },
  /** Downloads a file (Excel by default) and saves it under `filename`. */
  download: async (path: string, filename: string, query?: Query, accept = XLSX_TYPE): Promise<void> => {
    const response = await send('GET', path, { query, headers: { Accept: accept } });
    saveBlob(await response.blob(), filename);
  },
};

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
