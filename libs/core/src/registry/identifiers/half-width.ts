/**
 * Full-width (全角) ASCII → half-width. Codes typed with a Chinese IME or pasted from Word often arrive as
 * `９１２１０…` or with an ideographic space; they are the same code and must validate as such.
 */
export function toHalfWidth(raw: string): string {
  return raw.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The normal form of any code field: half-width, trimmed, upper-case. */
export function normalizeCode(raw: string): string {
  return toHalfWidth(raw).trim().toUpperCase();
}
