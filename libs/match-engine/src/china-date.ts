const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → integer YYYYMMDD, comparable with `<`. Throws on a malformed date. */
export function dateToInt(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`invalid date ${JSON.stringify(date)}, expected YYYY-MM-DD`);
  return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
}

/** Open-ended validity sorts after every real date. */
export const NO_EXPIRY = 99991231;

/** Today's date in China (Asia/Shanghai, UTC+8, no DST) as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
