import { EntityManager } from 'typeorm';
import { hashPassword } from '../accounts/password-hasher';
import { UserEntity } from '../accounts/user.entity';
import { buildDemoDataSet } from '../demo/demo-data';
import { AssociationLeadClusterEntity } from '../registry/association-lead-cluster.entity';
import { AssociationEntity } from '../registry/association.entity';
import { ClusterEntity } from '../registry/cluster.entity';
import { EnterpriseClusterEntity } from '../registry/enterprise-cluster.entity';
import { EnterpriseEntity } from '../registry/enterprise.entity';
import { MembershipEntity } from '../registry/membership.entity';
import { writeDemoActivity, type DemoActivityReport } from './demo-activity-writer';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins';

export interface DemoLoadReport {
  associations: number;
  enterprises: number;
  memberships: number;
  logins: string[];
  activity: DemoActivityReport;
  /** How long building and writing the demo data took. */
  elapsedMs: number;
}

const CHUNK = 500;
async function insertChunked<T extends object>(
  m: EntityManager,
  target: new () => T,
  rows: object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await m.insert(target, rows.slice(i, i + CHUNK) as never);
}

/** Loads the deterministic demo data set (associations, enterprises, members, their activity) and one login per role. */
export async function loadDemoData(m: EntityManager): Promise<DemoLoadReport> {
  const started = Date.now();
  const data = buildDemoDataSet();
  const clusterIds = new Map((await m.find(ClusterEntity)).map((c) => [c.code, c.id]));
  const clusterId = (code: string) => clusterIds.get(code);

  const associations = await m.save(
    data.associations.map((a) => m.create(AssociationEntity, { name: a.name, creditCode: a.creditCode })),
  );
  const associationId = new Map(associations.map((a) => [a.creditCode, a.id]));
  const leads = data.associations.flatMap((a) =>
    a.leadClusterCodes
      .filter(clusterId)
      .map((code) => ({ clusterId: clusterId(code)!, associationId: associationId.get(a.creditCode)! })),
  );
  await insertChunked(m, AssociationLeadClusterEntity, leads);

  const enterprises = await m.save(
    data.enterprises.map((e) =>
      m.create(EnterpriseEntity, {
        name: e.name,
        creditCode: e.creditCode,
        regionCode: e.regionCode,
        industryCode: e.industryCode,
        scale: e.scale,
        tier: e.tier,
        contactName: e.contactName,
        contactPhone: e.contactPhone,
      }),
    ),
    { chunk: 200 },
  );
  const enterpriseId = new Map(enterprises.map((e) => [e.creditCode, e.id]));
  const enterpriseClusters = data.enterprises.flatMap((e) =>
    e.clusterCodes
      .filter(clusterId)
      .map((code) => ({ enterpriseId: enterpriseId.get(e.creditCode)!, clusterId: clusterId(code)! })),
  );
  await insertChunked(m, EnterpriseClusterEntity, enterpriseClusters);
  const memberships = data.memberships.map((ms) => ({
    associationId: associationId.get(ms.associationCreditCode)!,
    enterpriseId: enterpriseId.get(ms.enterpriseCreditCode)!,
    joinedOn: ms.joinedOn,
  }));
  await insertChunked(m, MembershipEntity, memberships);

  // The demo association is the first with members; the demo enterprise is one of its members (demoBinding).
  const demoMembership = memberships[0];
  const activity = await writeDemoActivity(m, data.activity, {
    clusters: clusterIds,
    associations: associationId,
    enterprises: enterpriseId,
  });
  // Annual targets, so the dashboard shows the years against something.
  await m.query(
    `INSERT INTO targets (year, events, enterprises_served, intents)
     VALUES (2025, 140, 350, 140), (2026, 150, 380, 160) ON CONFLICT (year) DO NOTHING`,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await m.insert(
    UserEntity,
    DEMO_LOGINS.map((login) => ({
      username: login.username,
      passwordHash,
      role: login.role,
      displayName: login.displayName,
      associationId: login.role === 'association_staff' ? demoMembership.associationId : null,
      enterpriseId: login.role === 'enterprise_user' ? demoMembership.enterpriseId : null,
    })),
  );
  return {
    associations: associations.length,
    enterprises: enterprises.length,
    memberships: memberships.length,
    logins: DEMO_LOGINS.map((l) => l.username),
    activity,
    elapsedMs: Date.now() - started,
  };
}
