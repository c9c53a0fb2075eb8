import {
  CREDIT_CODE_ALPHABET,
  creditCodeError,
  creditCodeKind,
  creditCodeKindError,
  isValidCreditCode,
  makeCreditCode,
  normalizeCreditCode,
} from './credit-code';

// Publicly listed codes (GB 32100-2015 examples in the wild).
const VALID = ['914403001922038216', '91110000710925462X', '91110000802100433B'];

describe('credit codes', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(creditCodeError(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(VALID)('makeCreditCode rebuilds the check character of %s', (code) => {
    expect(makeCreditCode(code.slice(0, 17))).toBe(code);
  });

  describe.each(VALID)('every wrong check character of %s', (code) => {
    const expected = code[17];
    const wrong = [...CREDIT_CODE_ALPHABET].filter((ch) => ch !== expected);
    it.each(wrong)('refuses %s and names the expected one', (ch) => {
      const error = creditCodeError(code.slice(0, 17) + ch);
      expect(error).toContain(`应为“${expected}”`);
      expect(error).toContain(`expected '${expected}', got '${ch}'`);
    });
  });

  it.each([
    ['lower case', '91110000710925462x', '91110000710925462X'],
    ['surrounding whitespace', '  914403001922038216\t\n', '914403001922038216'],
    ['full-width characters', '９１１１００００８０２１００４３３Ｂ', '91110000802100433B'],
    ['ideographic space', '\u300091110000802100433b\u3000', '91110000802100433B'],
  ])('normalises %s', (_label, raw, normal) => {
    expect(normalizeCreditCode(raw)).toBe(normal);
    expect(isValidCreditCode(normalizeCreditCode(raw))).toBe(true);
  });

  it('treats an unnormalised lower-case code as invalid', () => {
    expect(creditCodeError('91110000710925462x')).toContain("'x'");
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s and says where', (letter) => {
    const code = `9111000071092546${letter}X`;
    const error = creditCodeError(code);
    expect(error).toContain(`第17位字符“${letter}”不合法`);
    expect(error).toContain('I, O, Z, S and V are never used');
  });

  it.each([
    ['-', 5],
    ['*', 1],
    ['中', 18],
  ])('refuses the illegal character %s at position %i', (ch, position) => {
    const code = VALID[0].slice(0, position - 1) + ch + VALID[0].slice(position);
    expect(creditCodeError(code)).toContain(`character ${position} '${ch}' is not allowed`);
  });

  it.each([
    ['', 0],
    ['91440300192203821', 17],
    ['9144030019220382166', 19],
  ])('refuses %j for its length %i', (code, length) => {
    expect(creditCodeError(code)).toContain(`got ${length}`);
  });

  it.each([
    ['9144030019220382', 'expected 17 characters'],
    ['91440300192203I21', "'I' is not allowed"],
  ])('makeCreditCode throws on a malformed body %s', (body, message) => {
    expect(() => makeCreditCode(body)).toThrow(message);
  });

  it.each([
    ['51210000MJ0000001', 'association'],
    ['91210100MA0P4L8X1', 'enterprise'],
    ['12100000400000624', 'other'],
    ['52210000MJ0000001', 'other'],
  ] as const)('classifies %s as %s', (body, kind) => {
    expect(creditCodeKind(makeCreditCode(body))).toBe(kind);
  });

  it('explains a prefix that does not fit the organisation kind', () => {
    const enterprise = VALID[0];
    expect(creditCodeKindError(enterprise, 'enterprise')).toBeNull();
    expect(creditCodeKindError(enterprise, 'association')).toContain('51');
    expect(creditCodeKindError(makeCreditCode('51210000MJ0000001'), 'enterprise')).toContain('91');
  });
});
