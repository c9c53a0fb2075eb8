import {
  industryCodeError,
  industryDivisionError,
  isValidIndustryCode,
  normalizeIndustryCode,
} from './industry-code';

describe('industry codes (GB/T 4754-2017)', () => {
  it.each(['C2614', 'A0111', 'T9700', 'I6513', 'B0810', 'S9121'])('accepts %s', (code) => {
    expect(industryCodeError(code)).toBeNull();
    expect(isValidIndustryCode(code)).toBe(true);
  });

  it.each([
    ['3421', '缺少门类字母'],
    ['U1234', 'letter A–T'],
    ['C261', 'letter A–T'],
    ['C26145', 'letter A–T'],
    ['CC2614', 'letter A–T'],
    ['c2614', 'letter A–T'],
    ['C26A4', 'letter A–T'],
    ['', 'letter A–T'],
  ])('refuses %j', (code, message) => {
    expect(industryCodeError(code)).toContain(message);
    expect(isValidIndustryCode(code)).toBe(false);
  });

  it.each([
    [' c2614 ', 'C2614'],
    ['ｃ２６１４', 'C2614'],
    ['\tm7320\n', 'M7320'],
  ])('normalises %j to %s', (raw, normal) => {
    expect(normalizeIndustryCode(raw)).toBe(normal);
  });

  it.each(['C1311', 'C4350', 'A0511', 'B1200', 'K7010', 'P8310', 'S9610', 'T9700'])(
    'accepts the division of %s in its section',
    (code) => {
      expect(industryDivisionError(code)).toBeNull();
    },
  );

  it.each(['C0511', 'C4411', 'A0611', 'K7110', 'T9600', 'S9710'])('refuses the division of %s', (code) => {
    expect(industryDivisionError(code)).toContain('is not in section');
  });

  it('reports the shape before the division', () => {
    expect(industryDivisionError('3421')).toContain('缺少门类字母');
  });
});
