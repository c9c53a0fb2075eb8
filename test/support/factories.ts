import { randomBytes } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, makeCreditCode, type Role } from '@app/core';
import type { TestApp } from './test-app';

/**
 * Test data made through the HTTP API with a department admin's token, so every row went through the same
 * validation, scoping and audit as a user's would. Each factory takes overrides and answers the created body.
 */

export interface ClusterBody {
  id: string;
  code: string;
  name: string;
  tier: 'world' | 'national' | 'regional';
  leadAssociationId: string | null;
  version: number;
  [key: string]: unknown;
}

export interface ChainBody {
  id: string;
  clusterId: string;
  code: string;
  name: string;
  [key: string]: unknown;
}

export interface AssociationBody {
  id: string;
  name: string;
  creditCode: string;
  leadClusterIds: string[];
  memberCount: number;
  contactPhone: string | null;
  version: number;
  [key: string]: unknown;
}

export interface EnterpriseBody {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string | null;
  scale: string;
  contactPhone: string | null;
  clusterIds: string[];
  version: number;
  [key: string]: unknown;
}

export interface MembershipBody {
  id: string;
  associationId: string;
  enterpriseId: string;
  joinedOn: string | null;
  [key: string]: unknown;
}

export interface UserBody {
  id: string;
  username: string;
  role: Role;
  associationId?: string;
  enterpriseId?: string;
}

/** A user made by the factory, with its password and a way to log in as it. */
export interface MadeUser extends UserBody {
  password: string;
  login(): Promise<string>;
}

let sequence = 0;
/** A short string unique within this process and very likely across processes. */
export function uniqueSuffix(): string {
  sequence += 1;
  return `${process.pid.toString(36)}${sequence.toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Nine characters over the credit-code alphabet, led by `MA` so that upper/lower case matters. */
function organisationPart(): string {
  const bytes = randomBytes(7);
  let body = 'MA';
  for (const b of bytes) body += CREDIT_CODE_ALPHABET[b % CREDIT_CODE_ALPHABET.length];
  return body;
}

/**
 * A valid, almost surely unique unified social credit code: `kind` 51 (social group: an association) or 91
 * (an enterprise), registered in `region` (6 digits), with the right check character.
 */
export function creditCode(kind: '51' | '91' = '91', region = '210102'): string {
  return makeCreditCode(`${kind}${region}${organisationPart()}`);
}

export class Factories {
  constructor(
    private readonly t: TestApp,
    private readonly adminToken: string,
  ) {}

  private async create<T>(path: string, body: object, token = this.adminToken): Promise<T> {
    const res = await this.t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status !== 201) {
      throw new Error(`factory POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body as T;
  }

  cluster(overrides: Record<string, unknown> = {}): Promise<ClusterBody> {
    const suffix = uniqueSuffix();
    return this.create('/clusters', {
      code: `T-${suffix}`.slice(0, 32),
      name: `测试集群${suffix}`,
      tier: 'regional',
      ...overrides,
    });
  }

  chain(clusterId: string, overrides: Record<string, unknown> = {}): Promise<ChainBody> {
    const suffix = uniqueSuffix();
    return this.create('/chains', {
      clusterId,
      code: `CH-${suffix}`.slice(0, 32),
      name: `测试产业链${suffix}`,
      ...overrides,
    });
  }

  association(overrides: Record<string, unknown> = {}): Promise<AssociationBody> {
    return this.create('/associations', {
      name: `测试行业协会${uniqueSuffix()}`,
      creditCode: creditCode('51', '210000'),
      ...overrides,
    });
  }

  enterprise(overrides: Record<string, unknown> = {}, token?: string): Promise<EnterpriseBody> {
    return this.create(
      '/enterprises',
      {
        name: `测试企业${uniqueSuffix()}有限公司`,
        creditCode: creditCode('91', '210102'),
        regionCode: '210102',
        scale: 'small',
        ...overrides,
      },
      token,
    );
  }

  member(associationId: string, enterpriseId: string, joinedOn?: string): Promise<MembershipBody> {
    return this.create(`/associations/${associationId}/members`, {
      enterpriseId,
      ...(joinedOn ? { joinedOn } : {}),
    });
  }

  /** An enterprise that is a member of `associationId` from the start. */
  async memberEnterprise(
    associationId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<EnterpriseBody> {
    const enterprise = await this.enterprise(overrides);
    await this.member(associationId, enterprise.id);
    return enterprise;
  }

  async user(
    role: Role,
    binding: { associationId?: string; enterpriseId?: string } = {},
    overrides: Record<string, unknown> = {},
  ): Promise<MadeUser> {
    const password = `Pw${randomBytes(6).toString('hex')}9`;
    const username = `u_${role.slice(0, 6)}_${uniqueSuffix()}`.slice(0, 32);
    const body = await this.create<UserBody>('/users', {
      username,
      password,
      role,
      ...binding,
      ...overrides,
    });
    return { ...body, password, login: () => this.t.login(body.username, password) };
  }
}
