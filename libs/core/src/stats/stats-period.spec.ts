import {
  addDays,
  expectedByToday,
  monthLabel,
  monthsOf,
  previousYearOf,
  resolvePeriod,
  yearElapsed,
} from './stats-period';

describe('statistics periods', () => {
  it('reads year, from/to overrides and the current China year', () => {
    expect(resolvePeriod({ year: 2025 }, '2026-05-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(resolvePeriod({ year: 2025, from: '2025-03-01' }, '2026-05-01')).toEqual({
      from: '2025-03-01',
      to: '2025-12-31',
    });
    expect(resolvePeriod({}, '2026-05-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ from: '2024-02-01', to: '2024-02-29' }, '2026-05-01')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('refuses from after to, naming from', () => {
    expect(() => resolvePeriod({ from: '2026-05-02', to: '2026-05-01' })).toThrow(/from/);
    try {
      resolvePeriod({ from: '2026-05-02', to: '2026-05-01' });
    } catch (e) {
      expect((e as { getResponse(): unknown }).getResponse()).toMatchObject({ details: [{ field: 'from' }] });
    }
  });

  it('shifts a period back a year, 29 February included', () => {
    expect(previousYearOf({ from: '2024-02-29', to: '2024-12-31' })).toEqual({
      from: '2023-02-28',
      to: '2023-12-31',
    });
  });

  it('lists months and labels them in Chinese', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('expects target × share of the year elapsed, today included', () => {
    expect(yearElapsed(2025, '2026-07-01')).toBe(1);
    expect(yearElapsed(2027, '2026-07-01')).toBe(0);
    expect(yearElapsed(2026, '2026-01-01')).toBeCloseTo(1 / 365);
    expect(yearElapsed(2026, '2026-12-31')).toBe(1);
    expect(yearElapsed(2024, '2024-07-01')).toBeCloseTo(183 / 366); // leap year
    expect(expectedByToday(365, 2026, '2026-04-10')).toBe(100); // day 100 of 365
    expect(expectedByToday(120, 2026, '2026-07-02')).toBe(Math.round((120 * 183) / 365)); // 60
    expect(expectedByToday(80, 2025, '2026-07-02')).toBe(80);
    expect(expectedByToday(80, 2027, '2026-07-02')).toBe(0);
  });
});
