import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import type { Caller, Role } from '../common/caller';
import { AssociationLeadClusterEntity } from './association-lead-cluster.entity';
import { AssociationEntity } from './association.entity';
import { ChainEntity } from './chain.entity';
import { ClusterEntity } from './cluster.entity';
import { EnterpriseClusterEntity } from './enterprise-cluster.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from './identifiers/credit-code';
import { MembershipEntity } from './membership.entity';
import { RegistryScope } from './registry-scope.service';

/**
 * The scope rules against a real, migrated PostgreSQL database: the boolean checks (canSee…, isMember) and the
 * query narrowing (scope…) must agree with each other for every caller and every row.
 */

const code = (kind: '51' | '91'): string => {
  let body = '';
  for (const b of randomBytes(9)) body += CREDIT_CODE_ALPHABET[b % CREDIT_CODE_ALPHABET.length];
  return makeCreditCode(`${kind}210102${body}`);
};

const caller = (role: Role, binding: { associationId?: string; enterpriseId?: string } = {}): Caller => ({
  userId: randomUUID(),
  username: `u_${role}`,
  role,
  associationId: binding.associationId ?? null,
  enterpriseId: binding.enterpriseId ?? null,
});

describe('RegistryScope (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let scope: RegistryScope;
  /** A, B: associations. EA member of A, EB of B, EAB of both, ELEFT left A, ENONE of none. */
  const id = {} as Record<'A' | 'B' | 'EA' | 'EB' | 'EAB' | 'ELEFT' | 'ENONE', string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [
        ClusterEntity,
        ChainEntity,
        AssociationEntity,
        AssociationLeadClusterEntity,
        EnterpriseEntity,
        EnterpriseClusterEntity,
        MembershipEntity,
      ],
      synchronize: false,
      logging: false,
    });
    await ds.initialize();
    scope = new RegistryScope(ds);
    for (const key of ['A', 'B'] as const) {
      const saved = await ds
        .getRepository(AssociationEntity)
        .save({ name: `协会${key}`, creditCode: code('51'), contactName: null, contactPhone: null });
      id[key] = saved.id;
    }
    for (const key of ['EA', 'EB', 'EAB', 'ELEFT', 'ENONE'] as const) {
      const saved = await ds.getRepository(EnterpriseEntity).save({
        name: `企业${key}`,
        creditCode: code('91'),
        regionCode: '210102',
        industryCode: null,
        scale: 'small',
        tier: null,
        contactName: null,
        contactPhone: null,
      });
      id[key] = saved.id;
    }
    const members: [string, string, string | null][] = [
      ['A', 'EA', null],
      ['B', 'EB', null],
      ['A', 'EAB', null],
      ['B', 'EAB', null],
      ['A', 'ELEFT', '2025-06-30'],
    ];
    for (const [a, e, leftOn] of members) {
      await ds.getRepository(MembershipEntity).insert({
        associationId: id[a as 'A'],
        enterpriseId: id[e as 'EA'],
        joinedOn: '2024-01-01',
        leftOn,
      });
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const CALLERS: [string, () => Caller][] = [
    ['dept_admin', () => caller('dept_admin')],
    ['dept_staff', () => caller('dept_staff')],
    ['reviewer', () => caller('reviewer')],
    ['association_staff of A', () => caller('association_staff', { associationId: id.A })],
    ['association_staff of B', () => caller('association_staff', { associationId: id.B })],
    ['association_staff without association', () => caller('association_staff')],
    ['enterprise_user of EA', () => caller('enterprise_user', { enterpriseId: id.EA })],
    ['enterprise_user of EAB', () => caller('enterprise_user', { enterpriseId: id.EAB })],
    ['enterprise_user of ELEFT', () => caller('enterprise_user', { enterpriseId: id.ELEFT })],
    ['enterprise_user of ENONE', () => caller('enterprise_user', { enterpriseId: id.ENONE })],
    ['enterprise_user without enterprise', () => caller('enterprise_user')],
  ];

  /** What each caller may see, written out by hand from the rules. */
  const EXPECTED: Record<string, { enterprises: string[]; associations: string[] }> = {
    dept_admin: { enterprises: ['EA', 'EB', 'EAB', 'ELEFT', 'ENONE'], associations: ['A', 'B'] },
    dept_staff: { enterprises: ['EA', 'EB', 'EAB', 'ELEFT', 'ENONE'], associations: ['A', 'B'] },
    reviewer: { enterprises: [], associations: ['A', 'B'] },
    'association_staff of A': { enterprises: ['EA', 'EAB'], associations: ['A'] },
    'association_staff of B': { enterprises: ['EB', 'EAB'], associations: ['B'] },
    'association_staff without association': { enterprises: [], associations: [] },
    'enterprise_user of EA': { enterprises: ['EA'], associations: ['A'] },
    'enterprise_user of EAB': { enterprises: ['EAB'], associations: ['A', 'B'] },
    'enterprise_user of ELEFT': { enterprises: ['ELEFT'], associations: [] },
    'enterprise_user of ENONE': { enterprises: ['ENONE'], associations: [] },
    'enterprise_user without enterprise': { enterprises: [], associations: [] },
  };

  const ids = (keys: string[]) => keys.map((k) => id[k as 'A']).sort();

  async function scopedEnterprises(c: Caller): Promise<string[]> {
    const qb = ds.getRepository(EnterpriseEntity).createQueryBuilder('e');
    scope.scopeEnterprises(qb, c, 'e');
    const rows = await qb.getMany();
    expect(await qb.getCount()).toBe(rows.length);
    return rows.map((r) => r.id).sort();
  }

  async function scopedAssociations(c: Caller): Promise<string[]> {
    const qb = ds.getRepository(AssociationEntity).createQueryBuilder('a');
    scope.scopeAssociations(qb, c, 'a');
    return (await qb.getMany()).map((r) => r.id).sort();
  }

  it.each(CALLERS)('scopeEnterprises narrows the list for %s', async (name, make) => {
    expect(await scopedEnterprises(make())).toEqual(ids(EXPECTED[name].enterprises));
  });

  it.each(CALLERS)('scopeAssociations narrows the list for %s', async (name, make) => {
    expect(await scopedAssociations(make())).toEqual(ids(EXPECTED[name].associations));
  });

  it.each(CALLERS)('canSeeEnterprise agrees with scopeEnterprises for %s', async (name, make) => {
    const c = make();
    for (const key of ['EA', 'EB', 'EAB', 'ELEFT', 'ENONE']) {
      const expected = EXPECTED[name].enterprises.includes(key);
      expect([key, await scope.canSeeEnterprise(c, id[key as 'EA'])]).toEqual([key, expected]);
    }
  });

  it.each(CALLERS)('canSeeAssociation agrees with scopeAssociations for %s', async (name, make) => {
    const c = make();
    for (const key of ['A', 'B']) {
      const expected = EXPECTED[name].associations.includes(key);
      expect([key, await scope.canSeeAssociation(c, id[key as 'A'])]).toEqual([key, expected]);
    }
  });

  it('isMember counts current memberships only', async () => {
    expect(await scope.isMember(id.A, id.EA)).toBe(true);
    expect(await scope.isMember(id.A, id.EAB)).toBe(true);
    expect(await scope.isMember(id.B, id.EAB)).toBe(true);
    expect(await scope.isMember(id.B, id.EA)).toBe(false);
    expect(await scope.isMember(id.A, id.ELEFT)).toBe(false);
    expect(await scope.isMember(id.A, id.ENONE)).toBe(false);
    expect(await scope.isMember(randomUUID(), id.EA)).toBe(false);
  });

  it('lets scoped callers see no association or enterprise that does not exist', async () => {
    const ghost = randomUUID();
    expect(await scope.canSeeEnterprise(caller('association_staff', { associationId: id.A }), ghost)).toBe(
      false,
    );
    expect(await scope.canSeeAssociation(caller('enterprise_user', { enterpriseId: id.EA }), ghost)).toBe(
      false,
    );
    expect(await scope.canSeeAssociation(caller('association_staff', { associationId: id.A }), ghost)).toBe(
      false,
    );
  });

  it('adds to the filters already on the query and keeps its own parameters apart', async () => {
    const staffA = caller('association_staff', { associationId: id.A });
    const qb = ds
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .where('e.name IN (:...names)', { names: ['企业EA', '企业EB', '企业ENONE'] });
    scope.scopeEnterprises(qb, staffA, 'e');
    qb.andWhere('e.scale = :scale', { scale: 'small' });
    expect((await qb.getMany()).map((e) => e.id)).toEqual([id.EA]);
  });

  it('works under another alias, as a subquery join would use it', async () => {
    const staffB = caller('association_staff', { associationId: id.B });
    const qb = ds.getRepository(EnterpriseEntity).createQueryBuilder('ent');
    scope.scopeEnterprises(qb, staffB, 'ent');
    expect((await qb.getMany()).map((e) => e.id).sort()).toEqual(ids(['EB', 'EAB']));
  });

  it('follows a membership that ends: the enterprise drops out of the association’s scope', async () => {
    const staffB = caller('association_staff', { associationId: id.B });
    const userEB = caller('enterprise_user', { enterpriseId: id.EB });
    await ds
      .getRepository(MembershipEntity)
      .update({ associationId: id.B, enterpriseId: id.EB }, { leftOn: '2026-01-31' });
    try {
      expect(await scope.canSeeEnterprise(staffB, id.EB)).toBe(false);
      expect(await scopedEnterprises(staffB)).toEqual(ids(['EAB']));
      expect(await scopedAssociations(userEB)).toEqual([]);
      expect(await scope.canSeeAssociation(userEB, id.B)).toBe(false);
    } finally {
      await ds
        .getRepository(MembershipEntity)
        .update({ associationId: id.B, enterpriseId: id.EB }, { leftOn: null });
    }
    expect(await scope.canSeeEnterprise(staffB, id.EB)).toBe(true);
  });
});
