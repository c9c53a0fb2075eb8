import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../registry/identifiers/credit-code';
import type { Prng } from './prng';

/**
 * Credit codes for demo organisations: kind prefix (51 association, 91 enterprise) + 6-digit region of
 * registration + 9-character organisation code + check character. The organisation code carries its own
 * GB 11714 check character, as real ones do, so the codes look right to someone who knows them.
 */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function digits(rng: Prng, count: number): string {
  return Array.from({ length: count }, () => String(rng.int(0, 9))).join('');
}

function alphabetChars(rng: Prng, count: number): string {
  return Array.from({ length: count }, () => rng.pick([...CREDIT_CODE_ALPHABET])).join('');
}

/** A social group's code; civil-affairs registrations since 2016 carry MJ organisation codes. */
export function associationCreditCode(rng: Prng, region: string): string {
  const body = `MJ${digits(rng, 6)}`;
  return makeCreditCode(`51${region}${body}${orgCodeCheckChar(body)}`);
}

/** An enterprise's code: older firms keep their numeric organisation code, newer ones have MA… codes. */
export function enterpriseCreditCode(rng: Prng, region: string): string {
  const body = rng.chance(0.5) ? `MA${alphabetChars(rng, 6)}` : `${rng.int(1, 7)}${digits(rng, 7)}`;
  return makeCreditCode(`91${region}${body}${orgCodeCheckChar(body)}`);
}
