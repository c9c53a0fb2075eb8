import {
  cityOf,
  citiesOf,
  countiesOf,
  isKnownRegion,
  isLiaoning,
  liaoningCities,
  liaoningCounties,
  normalizeRegionCode,
  provinceOf,
  regionError,
  regionFullName,
  regionLevel,
  regionName,
} from './region-codes';

// GB/T 2260: Liaoning's 14 prefecture-level cities and how many counties (区/县/县级市) each has.
const LIAONING_COUNTY_COUNTS: [string, string, number][] = [
  ['210100', '沈阳市', 13],
  ['210200', '大连市', 10],
  ['210300', '鞍山市', 7],
  ['210400', '抚顺市', 7],
  ['210500', '本溪市', 6],
  ['210600', '丹东市', 6],
  ['210700', '锦州市', 7],
  ['210800', '营口市', 6],
  ['210900', '阜新市', 7],
  ['211000', '辽阳市', 7],
  ['211100', '盘锦市', 4],
  ['211200', '铁岭市', 7],
  ['211300', '朝阳市', 7],
  ['211400', '葫芦岛市', 6],
];

describe('region codes (GB/T 2260)', () => {
  it.each([
    ['210000', '辽宁省', 'province'],
    ['210100', '沈阳市', 'city'],
    ['210102', '和平区', 'county'],
    ['210281', '瓦房店市', 'county'],
    ['211481', '兴城市', 'county'],
    ['320500', '苏州市', 'city'],
    ['460400', '儋州市', 'city'],
    ['110105', '朝阳区', 'county'],
    ['810000', '香港特别行政区', 'province'],
  ])('knows %s %s (%s)', (code, name, level) => {
    expect(isKnownRegion(code)).toBe(true);
    expect(regionError(code)).toBeNull();
    expect(regionName(code)).toBe(name);
    expect(regionLevel(code)).toBe(level);
  });

  it.each([
    ['210199', '不存在'],
    ['219900', '不存在'],
    ['000000', '不存在'],
    ['21010', '6位数字'],
    ['2101020', '6位数字'],
    ['21O102', '6位数字'],
    ['', '6位数字'],
  ])('refuses %j', (code, message) => {
    expect(regionError(code)).toContain(message);
    expect(isKnownRegion(code)).toBe(false);
    expect(regionName(code)).toBeNull();
    expect(regionLevel(code)).toBeNull();
  });

  it('does not mistake object keys for regions', () => {
    expect(isKnownRegion('constructor')).toBe(false);
    expect(isKnownRegion('__proto__')).toBe(false);
  });

  it('normalises whitespace and full-width digits', () => {
    expect(normalizeRegionCode(' ２１０１０２ ')).toBe('210102');
  });

  it.each([
    ['210102', '210000', '210100'],
    ['210100', '210000', '210100'],
    ['210000', '210000', null],
    ['110105', '110000', '110100'],
    ['500229', '500000', '500200'],
    ['999999', null, null],
  ])('%s lies in province %s and city %s', (code, province, city) => {
    expect(provinceOf(code)).toBe(province);
    expect(cityOf(code)).toBe(city);
  });

  it.each([
    ['210102', '辽宁省沈阳市和平区'],
    ['210100', '辽宁省沈阳市'],
    ['210000', '辽宁省'],
    ['110105', '北京市朝阳区'],
    ['110100', '北京市'],
    ['500229', '重庆市城口县'],
    ['419001', '河南省济源市'],
    ['123456', null],
  ])('full name of %s is %s', (code, fullName) => {
    expect(regionFullName(code)).toBe(fullName);
  });

  it.each([
    ['210000', true],
    ['210102', true],
    ['211481', true],
    ['220100', false],
    ['110105', false],
    ['219999', false],
  ])('isLiaoning(%s) is %s', (code, expected) => {
    expect(isLiaoning(code)).toBe(expected);
  });

  it('lists Liaoning’s 14 cities 210100 … 211400 in order', () => {
    expect(liaoningCities().map((c) => [c.code, c.name])).toEqual(
      LIAONING_COUNTY_COUNTS.map(([code, name]) => [code, name]),
    );
  });

  it.each(LIAONING_COUNTY_COUNTS)('%s %s has %i counties', (code, _name, count) => {
    const counties = countiesOf(code);
    expect(counties).toHaveLength(count);
    for (const county of counties) expect(cityOf(county.code)).toBe(code);
  });

  it('has 100 Liaoning counties, all known and in Liaoning', () => {
    const counties = liaoningCounties();
    expect(counties).toHaveLength(100);
    expect(new Set(counties.map((c) => c.code)).size).toBe(100);
    for (const county of counties) {
      expect(regionLevel(county.code)).toBe('county');
      expect(isLiaoning(county.code)).toBe(true);
    }
  });

  it('has every province with cities, down to city level at least', () => {
    const provinces = ['110000', '120000', '310000', '320000', '440000', '460000', '500000', '650000'];
    for (const province of provinces) expect(citiesOf(province).length).toBeGreaterThan(0);
    expect(citiesOf('320000').map((c) => c.name)).toContain('苏州市');
  });

  it('gives no children for a code of the wrong level', () => {
    expect(citiesOf('210100')).toEqual([]);
    expect(countiesOf('210000')).toEqual([]);
    expect(countiesOf('210102')).toEqual([]);
  });
});
