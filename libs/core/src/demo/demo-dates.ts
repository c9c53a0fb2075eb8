/** Calendar arithmetic on YYYY-MM-DD days for the demo activity; times are in Asia/Shanghai (+08:00). */

const DAY_MS = 86_400_000;

/** The day the demo activity is built around: past events are held, later ones planned. */
export const DEMO_TODAY = '2026-11-28';

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);

/** A Beijing-time date-time on `day`, e.g. 2026-05-20T09:30:00+08:00. */
export function chinaTime(day: string, hour: number, minute = 0): string {
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The day itself, or the next Monday when it falls on a weekend: events are held on working days. */
export function workingDay(day: string): string {
  const w = weekday(day);
  return w === 6 ? addDays(day, 2) : w === 0 ? addDays(day, 1) : day;
}
