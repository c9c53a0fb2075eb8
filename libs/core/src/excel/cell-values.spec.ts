import { cellDate, cellEnum, cellList, cellNumber, cellText, toHalfWidth } from './cell-values';

const SIZES = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;

describe('cellText', () => {
  it.each<[unknown, string]>([
    [null, ''],
    [undefined, ''],
    ['  沈阳  机床 ', '沈阳 机床'],
    ['ＡＢＣ１２３－４５６', 'ABC123-456'],
    ['９１２１０１００ＭＡ０Ｙ１２３４５Ｘ', '91210100MA0Y12345X'],
    ['\u00a0沈阳\u3000机床\u200b有限公司\ufeff', '沈阳 机床有限公司'],
    ['第一行\r\n第二行\t结束', '第一行 第二行 结束'],
    [13800138000, '13800138000'],
    [0.5, '0.5'],
    [new Date(Date.UTC(2025, 6, 11)), '2025-07-11'],
  ])('%p → %p', (input, expected) => {
    expect(cellText(input as never)).toBe(expected);
  });

  it('leaves CJK punctuation outside the full-width ASCII block alone', () => {
    expect(toHalfWidth('（沈阳）、【示例】。')).toBe('(沈阳)、【示例】。');
  });
});

describe('cellDate', () => {
  it.each<[unknown, string]>([
    [new Date(Date.UTC(2025, 6, 11)), '2025-07-11'],
    // a date cell with a time part keeps its date
    [new Date(Date.UTC(2025, 6, 11, 23, 59, 59)), '2025-07-11'],
    [45849, '2025-07-11'],
    [45849.75, '2025-07-11'],
    [1, '1900-01-01'],
    [61, '1900-03-01'],
    [20250711, '2025-07-11'],
    ['2025-07-11', '2025-07-11'],
    ['2025/7/11', '2025-07-11'],
    ['2025.7.11', '2025-07-11'],
    ['2025年7月11日', '2025-07-11'],
    ['2025 年 7 月 11 日', '2025-07-11'],
    ['２０２５年７月１１日', '2025-07-11'],
    ['２０２５－０７－１１', '2025-07-11'],
    [' 2025-07-11 ', '2025-07-11'],
    ['2025-07-11 08:30:00', '2025-07-11'],
    ['2025-07-11T08:30', '2025-07-11'],
    ['20250711', '2025-07-11'],
    ['2024-02-29', '2024-02-29'],
  ])('%p → %p', (input, expected) => {
    expect(cellDate(input as never)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, RegExp]>([
    ['2025-02-29', /^日期不存在：2025-02-29$/],
    ['2025/13/01', /^日期不存在/],
    ['2025年4月31日', /^日期不存在/],
    [60, /^日期不存在：1900-02-29$/],
    ['0025-07-11', /^日期超出范围/],
    ['2025-07', /^日期格式无法识别：2025-07/],
    ['7/11/2025', /^日期格式无法识别：7\/11\/2025/],
    ['2025-7/11', /^日期格式无法识别/],
    ['明天', /^日期格式无法识别：明天/],
    [-3, /^日期格式无法识别/],
    [5_000_000, /^日期格式无法识别/],
  ])('%p is refused', (input, reason) => {
    const r = cellDate(input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('treats empty cells as no value', () => {
    expect(cellDate(null)).toEqual({ ok: true, value: null });
    expect(cellDate('  \u3000')).toEqual({ ok: true, value: null });
  });
});

describe('cellNumber', () => {
  it.each<[unknown, number]>([
    [12, 12],
    ['12', 12],
    [' 1,234.50 ', 1234.5],
    ['１，２３４', 1234],
    ['１２３．５', 123.5],
    ['500万元', 500],
    ['500 万', 500],
    ['-3.25', -3.25],
    ['.5', 0.5],
    ['1.2e3', 1200],
    ['1 234', 1234],
  ])('%p → %p', (input, expected) => {
    expect(cellNumber(input as never)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, RegExp]>([
    ['12元', /^数字格式无法识别：12元$/],
    ['1,23', /^数字格式无法识别/],
    ['abc', /^数字格式无法识别/],
    ['1.2.3', /^数字格式无法识别/],
    [new Date(0), /^数字格式无法识别/],
  ])('%p is refused', (input, reason) => {
    const r = cellNumber(input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('checks integer and bounds', () => {
    expect(cellNumber('2.5', { integer: true })).toEqual({ ok: false, reason: '应为整数：2.5' });
    expect(cellNumber('-1', { min: 0 })).toEqual({ ok: false, reason: '不能小于 0：-1' });
    expect(cellNumber(1e9, { max: 1e6 })).toEqual({ ok: false, reason: '不能大于 1000000：1000000000' });
    expect(cellNumber('', { integer: true })).toEqual({ ok: true, value: null });
  });
});

describe('cellEnum', () => {
  it.each<[unknown, string]>([
    ['大型', 'large'],
    [' 中 型 ', 'medium'],
    ['small', 'small'],
    ['MICRO', 'micro'],
  ])('%p → %p', (input, code) => {
    expect(cellEnum(input as never, SIZES)).toEqual({ ok: true, value: code });
  });

  it('refuses anything else with the allowed labels', () => {
    expect(cellEnum('特大型', SIZES)).toEqual({
      ok: false,
      reason: '应为 大型、中型、小型、微型 之一：特大型',
    });
    expect(cellEnum(null, SIZES)).toEqual({ ok: true, value: null });
  });
});

describe('cellList', () => {
  it.each<[unknown, string[]]>([
    ['SY-CNC、DL_PETRO', ['SY-CNC', 'DL_PETRO']],
    ['A,B，C;D；E F\u3000G', ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
    ['ＳＹ－ＣＮＣ， ＡＳ０１', ['SY-CNC', 'AS01']],
    ['、A、、A、', ['A']],
    [null, []],
    ['   ', []],
    [42, ['42']],
  ])('%p → %p', (input, expected) => {
    expect(cellList(input as never)).toEqual(expected);
  });
});
