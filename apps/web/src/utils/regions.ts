/** Liaoning's 14 prefecture-level cities (GB/T 2260). */
export const LIAONING_CITIES: { code: string; name: string }[] = [
  { code: '210100', name: '沈阳市' },
  { code: '210200', name: '大连市' },
  { code: '210300', name: '鞍山市' },
  { code: '210400', name: '抚顺市' },
  { code: '210500', name: '本溪市' },
  { code: '210600', name: '丹东市' },
  { code: '210700', name: '锦州市' },
  { code: '210800', name: '营口市' },
  { code: '210900', name: '阜新市' },
  { code: '211000', name: '辽阳市' },
  { code: '211100', name: '盘锦市' },
  { code: '211200', name: '铁岭市' },
  { code: '211300', name: '朝阳市' },
  { code: '211400', name: '葫芦岛市' },
];

export function cityOf(regionCode: string | null | undefined): string {
  if (!regionCode) return '';
  const city = LIAONING_CITIES.find((c) => c.code.slice(0, 4) === regionCode.slice(0, 4));
  return city?.name ?? regionCode;
}
