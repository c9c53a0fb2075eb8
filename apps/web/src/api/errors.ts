import type { ErrorBody } from './types';
import { i18n, t } from '@/i18n';

/** A failed request: HTTP status plus the API's error body ({statusCode, error, message, details}). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** Nest's own 404 for a route that is not registered yet ("Cannot GET /api/v1/…"). */
  get routeMissing(): boolean {
    return this.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(this.body?.message ?? '');
  }
}

/** The API writes "中文 (english)"; show the half that matches the interface language. */
export function localise(message: string): string {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(message);
  if (!m || !/[\u4e00-\u9fff]/.test(m[1])) return message;
  return i18n.global.locale.value === 'en' ? m[2] : m[1];
}

function detailText(body: ErrorBody | null): string {
  if (body?.details?.length) return body.details.map((d) => `${d.field}：${localise(d.message)}`).join('；');
  return localise(body?.message ?? '');
}

/** Plain-language text for any error a request can end in. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    if (error instanceof TypeError) return t('error.network');
    return error instanceof Error && error.message ? error.message : t('error.network');
  }
  const { status, body } = error;
  if (status === 0) return t('error.network');
  if (error.routeMissing) return t('error.featureUnavailable');
  switch (status) {
    case 400:
      return t('error.badInput', { msg: detailText(body) });
    case 401:
      return body?.message ? localise(body.message) : t('error.unauthorized');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return t('error.conflict', { msg: detailText(body) });
    case 423:
      return t('error.locked', { msg: localise(body?.message ?? '') });
    case 429:
      return t('error.tooMany');
    default:
      if (status >= 500) return t('error.server');
      return t('error.unknown', { status });
  }
}

/** Field errors from a 400/409, keyed by field, for forms. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const d of error.body?.details ?? []) out[d.field] = localise(d.message);
  }
  return out;
}
