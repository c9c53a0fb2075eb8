import { chinaToday } from '@app/match-engine';
import { badInput } from '../common/http-errors';

/** A closed range of China dates, `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

export interface PeriodQuery {
  year?: number;
  from?: string;
  to?: string;
}

/**
 * `year` means its whole calendar year; `from`/`to` override either end; nothing at all is the current China
 * year. `from` after `to` is a 400 naming `from`.
 */
export function resolvePeriod(query: PeriodQuery, today: string = chinaToday()): Period {
  const year = query.year ?? Number(today.slice(0, 4));
  const period = { from: query.from ?? `${year}-01-01`, to: query.to ?? `${year}-12-31` };
  if (period.from > period.to) {
    throw badInput([
      { field: 'from', message: `起始日期 ${period.from} 晚于截止日期 ${period.to} (from after to)` },
    ]);
  }
  return period;
}

/** The same period one year earlier; 29 February becomes 28 February. */
export function previousYearOf(period: Period): Period {
  return { from: shiftYear(period.from, -1), to: shiftYear(period.to, -1) };
}

export function shiftYear(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${y}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Every month the period touches, as `YYYY-MM`, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const endY = Number(period.to.slice(0, 4));
  const endM = Number(period.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** '2026-03' → '2026年3月'. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** The day `days` before/after a China date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The share of `year` elapsed by `today` (a China date), today included: a past year is 1, a future year 0,
 * otherwise day-of-year / days-in-year.
 */
export function yearElapsed(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 1;
  if (year > thisYear) return 0;
  const start = Date.UTC(year, 0, 1);
  const day = Math.round((Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000) + 1;
  return day / (isLeapYear(year) ? 366 : 365);
}

/** What a yearly target should have reached by `today`: target × share elapsed, rounded to a whole number. */
export function expectedByToday(target: number, year: number, today: string): number {
  return Math.round(target * yearElapsed(year, today));
}
