import { creditCodeError, creditCodeKind } from '../registry/identifiers/credit-code';
import { industryDivisionError } from '../registry/identifiers/industry-code';
import {
  cityOf,
  isLiaoning,
  liaoningCities,
  regionError,
  regionLevel,
} from '../registry/identifiers/region-codes';
import { ASSOCIATION_ROSTER } from './demo-association-roster';
import { buildDemoDataSet } from './demo-data';

describe('buildDemoDataSet', () => {
  const data = buildDemoDataSet();
  const { clusters, associations, enterprises, memberships } = data;
  const clusterCodes = new Set(clusters.map((c) => c.code));

  it('has the expected sizes', () => {
    expect(clusters).toHaveLength(22);
    expect(associations).toHaveLength(49);
    expect(enterprises).toHaveLength(400);
    expect(memberships.length).toBeGreaterThanOrEqual(enterprises.length);
    expect(memberships.length).toBeLessThanOrEqual(2 * enterprises.length);
  });

  it('is deterministic, and a different seed gives different data', () => {
    expect(buildDemoDataSet()).toEqual(data);
    expect(buildDemoDataSet({ seed: 7 }).enterprises).not.toEqual(enterprises);
  });

  it('gives associations valid, unique 51 21… credit codes', () => {
    for (const a of associations) {
      expect(creditCodeError(a.creditCode)).toBeNull();
      expect(creditCodeKind(a.creditCode)).toBe('association');
      expect(a.creditCode.slice(2, 4)).toBe('21');
    }
  });

  it('gives enterprises valid 91 credit codes registered in Liaoning', () => {
    for (const e of enterprises) {
      expect(creditCodeError(e.creditCode)).toBeNull();
      expect(creditCodeKind(e.creditCode)).toBe('enterprise');
      expect(isLiaoning(e.creditCode.slice(2, 8))).toBe(true);
    }
  });

  it('never repeats a credit code or a name', () => {
    const codes = [...associations, ...enterprises].map((x) => x.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
    const names = [...associations, ...enterprises].map((x) => x.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has at most one lead association per cluster, some leading two, one or two clusters without', () => {
    const leads = associations.flatMap((a) => a.leadClusterCodes);
    expect(new Set(leads).size).toBe(leads.length);
    for (const code of leads) expect(clusterCodes.has(code)).toBe(true);
    expect(associations.some((a) => a.leadClusterCodes.length === 2)).toBe(true);
    const unled = clusters.filter((c) => !leads.includes(c.code));
    expect(unled.length).toBeGreaterThanOrEqual(1);
    expect(unled.length).toBeLessThanOrEqual(2);
  });

  it('places enterprises in known Liaoning counties of all 14 cities, mostly 沈阳 and 大连', () => {
    for (const e of enterprises) {
      expect(regionError(e.regionCode)).toBeNull();
      expect(regionLevel(e.regionCode)).toBe('county');
      expect(isLiaoning(e.regionCode)).toBe(true);
    }
    const cities = enterprises.map((e) => cityOf(e.regionCode));
    for (const city of liaoningCities()) expect(cities).toContain(city.code);
    const shenyangDalian = cities.filter((c) => c === '210100' || c === '210200').length;
    expect(shenyangDalian / enterprises.length).toBeGreaterThan(0.35);
  });

  it('fills every enterprise field with a plausible value', () => {
    for (const e of enterprises) {
      expect(e.name).toMatch(/公司$/);
      expect(industryDivisionError(e.industryCode)).toBeNull();
      expect(['large', 'medium', 'small', 'micro']).toContain(e.scale);
      expect([null, 'leading', 'backbone', 'key']).toContain(e.tier);
      expect(e.clusterCodes.length).toBeGreaterThanOrEqual(1);
      expect(new Set(e.clusterCodes).size).toBe(e.clusterCodes.length);
      for (const code of e.clusterCodes) expect(clusterCodes.has(code)).toBe(true);
      expect(e.contactName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(e.contactPhone).toMatch(/^1[3-9]\d{9}$/);
    }
    for (const tier of ['leading', 'backbone', 'key', null])
      expect(enterprises.map((e) => e.tier)).toContain(tier);
  });

  it('gives every cluster some enterprises', () => {
    const used = new Set(enterprises.flatMap((e) => e.clusterCodes));
    expect(used).toEqual(clusterCodes);
  });

  it('makes each enterprise a member of 1–2 associations that serve its clusters', () => {
    const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
    const rosterByCode = new Map(associations.map((a, i) => [a.creditCode, ASSOCIATION_ROSTER[i]]));
    const perEnterprise = new Map<string, string[]>();
    for (const m of memberships) {
      const enterprise = byCode.get(m.enterpriseCreditCode);
      const profile = rosterByCode.get(m.associationCreditCode);
      expect(enterprise).toBeDefined();
      expect(profile).toBeDefined();
      const serves = [...(profile?.lead ?? []), ...(profile?.related ?? [])];
      expect(enterprise?.clusterCodes.some((c) => serves.includes(c))).toBe(true);
      expect(m.joinedOn).toMatch(/^20(1[6-9]|2[0-5])-\d{2}-\d{2}$/);
      expect(new Date(`${m.joinedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(m.joinedOn);
      perEnterprise.set(m.enterpriseCreditCode, [
        ...(perEnterprise.get(m.enterpriseCreditCode) ?? []),
        m.associationCreditCode,
      ]);
    }
    for (const e of enterprises) {
      const joined = perEnterprise.get(e.creditCode) ?? [];
      expect(joined.length).toBeGreaterThanOrEqual(1);
      expect(joined.length).toBeLessThanOrEqual(2);
      expect(new Set(joined).size).toBe(joined.length);
    }
  });

  it('gives every association at least one member', () => {
    const withMembers = new Set(memberships.map((m) => m.associationCreditCode));
    for (const a of associations) expect(withMembers.has(a.creditCode)).toBe(true);
  });

  it('honours a smaller enterprise count', () => {
    expect(buildDemoDataSet({ enterpriseCount: 50 }).enterprises).toHaveLength(50);
  });
});
