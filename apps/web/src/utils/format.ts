/** Display helpers: dates in China time, numbers with grouping, empty as a dash. */
export const dash = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : value.toLocaleString('zh-CN');

/** Today as YYYY-MM-DD in China time. */
export function chinaToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export const currentYear = (): number => Number(chinaToday().slice(0, 4));

export const splitKeywords = (text: string): string[] =>
  text
    .split(/[,，、;；\s]+/)
    .map((k) => k.trim())
    .filter(Boolean)
    .slice(0, 20);
