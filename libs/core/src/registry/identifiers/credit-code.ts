import { normalizeCode } from './half-width';

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters over a 31-character alphabet;
 * the 18th is a check character over the first 17.
 */

/** The code alphabet: digits and upper-case letters without I, O, Z, S, V (too easily misread). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const EXCLUDED_LETTERS = 'IOZSV';

/** Trim, upper-case and turn full-width characters into half-width ones. */
export function normalizeCreditCode(raw: string): string {
  return normalizeCode(raw);
}

/** The check character for a 17-character body over the alphabet (the caller has checked the body). */
function checkCharFor(body: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += CREDIT_CODE_ALPHABET.indexOf(body[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

function illegalCharError(ch: string, position: number): string {
  const why = EXCLUDED_LETTERS.includes(ch) ? '（I、O、Z、S、V 不用于信用代码）' : '';
  const whyEn = EXCLUDED_LETTERS.includes(ch) ? ' (I, O, Z, S and V are never used)' : '';
  return (
    `统一社会信用代码第${position}位字符“${ch}”不合法${why}；` +
    `credit code character ${position} '${ch}' is not allowed${whyEn}`
  );
}

/**
 * Why `code` is not a valid credit code, in Chinese and English, or null when it is valid.
 * Expects a normalised code (see normalizeCreditCode); lower-case letters count as illegal here.
 */
export function creditCodeError(code: string): string | null {
  if (code.length !== CREDIT_CODE_LENGTH) {
    return (
      `统一社会信用代码应为18位，实际为${code.length}位；` +
      `a credit code has 18 characters, got ${code.length}`
    );
  }
  for (let i = 0; i < code.length; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i])) return illegalCharError(code[i], i + 1);
  }
  const expected = checkCharFor(code.slice(0, 17));
  if (code[17] !== expected) {
    return (
      `统一社会信用代码校验位错误：第18位应为“${expected}”，实际为“${code[17]}”；` +
      `wrong check character: expected '${expected}', got '${code[17]}'`
    );
  }
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeError(code) === null;
}

/** Appends the check character to a 17-character body; throws on a malformed body (a programming error). */
export function makeCreditCode(prefix17: string): string {
  if (prefix17.length !== 17)
    throw new Error(`makeCreditCode: expected 17 characters, got ${prefix17.length}`);
  for (let i = 0; i < prefix17.length; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(prefix17[i])) {
      throw new Error(`makeCreditCode: ${illegalCharError(prefix17[i], i + 1)}`);
    }
  }
  return prefix17 + checkCharFor(prefix17);
}

/**
 * The organisation kind the first two characters declare: `51` is a social group (社会团体, registered with civil
 * affairs) — what an industry association is; `91` is an enterprise (企业, registered with market regulation).
 */
export type CreditCodeKind = 'association' | 'enterprise' | 'other';

const KIND_PREFIX: Readonly<Record<Exclude<CreditCodeKind, 'other'>, string>> = {
  association: '51',
  enterprise: '91',
};

export function creditCodeKind(code: string): CreditCodeKind {
  if (code.startsWith(KIND_PREFIX.association)) return 'association';
  if (code.startsWith(KIND_PREFIX.enterprise)) return 'enterprise';
  return 'other';
}

/** Null when `code` (valid or not) has the prefix of `kind`, else the reason in Chinese and English. */
export function creditCodeKindError(code: string, kind: Exclude<CreditCodeKind, 'other'>): string | null {
  if (creditCodeKind(code) === kind) return null;
  const prefix = KIND_PREFIX[kind];
  return kind === 'association'
    ? `协会（社会团体）的统一社会信用代码应以${prefix}开头；an association's credit code starts with ${prefix}`
    : `企业的统一社会信用代码应以${prefix}开头；an enterprise's credit code starts with ${prefix}`;
}
