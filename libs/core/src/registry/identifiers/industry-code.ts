import { normalizeCode } from './half-width';

/**
 * Industry classification (国民经济行业分类, GB/T 4754-2017): a section letter A–T and a 4-digit class, e.g. C2614.
 * A bare `3421` is refused rather than guessed: the letter is part of the code people copy from the licence.
 */
const SHAPE = /^[A-T]\d{4}$/;

/** Each section's range of 2-digit divisions (门类 → 大类) in GB/T 4754-2017. */
const SECTION_DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/** Trim, upper-case and turn full-width characters into half-width ones. */
export function normalizeIndustryCode(raw: string): string {
  return normalizeCode(raw);
}

/** Why a normalised code does not have the GB/T 4754 shape (letter A–T + 4 digits), or null when it does. */
export function industryCodeError(code: string): string | null {
  if (SHAPE.test(code)) return null;
  if (/^\d{4}$/.test(code)) {
    return (
      `国民经济行业代码缺少门类字母，如 C${code}；` +
      `industry code lacks its section letter (e.g. C${code}); it is not guessed`
    );
  }
  return (
    `国民经济行业代码应为门类字母 A–T 加4位数字，如 C2614；` +
    `an industry code is a section letter A–T and 4 digits, e.g. C2614`
  );
}

export function isValidIndustryCode(code: string): boolean {
  return industryCodeError(code) === null;
}

/**
 * Stricter than the shape: the 2-digit division must belong to the letter's section (C2614 yes, C0511 no).
 * Kept apart from industryCodeError because the API contract only promises the shape.
 */
export function industryDivisionError(code: string): string | null {
  const shape = industryCodeError(code);
  if (shape) return shape;
  const [from, to] = SECTION_DIVISIONS[code[0]];
  const division = Number(code.slice(1, 3));
  if (division >= from && division <= to) return null;
  const range = `${String(from).padStart(2, '0')}–${String(to).padStart(2, '0')}`;
  return (
    `国民经济行业代码 ${code} 的大类 ${code.slice(1, 3)} 不属于门类 ${code[0]}（${range}）；` +
    `division ${code.slice(1, 3)} is not in section ${code[0]} (${range})`
  );
}
