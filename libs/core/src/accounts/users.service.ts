import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, Role } from '../common/caller';
import { badInput, FieldError, notFound } from '../common/http-errors';
import { likePattern, Page, PageQuery, pageRows } from '../common/page';
import { AssociationEntity } from '../registry/association.entity';
import { EnterpriseEntity } from '../registry/enterprise.entity';
import { RegistryScope } from '../registry/registry-scope.service';
import { SessionUser, toSessionUser } from './auth.service';
import { hashPassword } from './password-hasher';
import { UserEntity } from './user.entity';

export interface UserInput {
  username: string;
  password: string;
  role: Role;
  associationId?: string | null;
  enterpriseId?: string | null;
  displayName?: string | null;
}

export interface UserQuery extends PageQuery {
  role?: Role;
  associationId?: string;
  enterpriseId?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scope: RegistryScope,
  ) {}

  /** dept_admin creates anyone; association staff create enterprise users for their own members only. */
  async create(caller: Caller, input: UserInput): Promise<SessionUser> {
    if (caller.role === 'association_staff') {
      if (input.role !== 'enterprise_user') {
        throw new ForbiddenException(
          '协会只能为会员企业创建企业用户 (association staff create enterprise users only)',
        );
      }
      if (input.enterpriseId && !(await this.scope.isMember(caller.associationId!, input.enterpriseId))) {
        throw badInput([
          { field: 'enterpriseId', message: '该企业不是本协会会员 (not a member of your association)' },
        ]);
      }
    } else if (caller.role !== 'dept_admin') {
      throw new ForbiddenException('无权创建用户 (not allowed to create users)');
    }
    await this.assertBinding(input);
    const passwordHash = await hashPassword(input.password);
    const user = await this.db.transaction(async (m) => {
      const saved = await m.save(
        m.create(UserEntity, {
          username: input.username,
          passwordHash,
          role: input.role,
          associationId: input.role === 'association_staff' ? input.associationId! : null,
          enterpriseId: input.role === 'enterprise_user' ? input.enterpriseId! : null,
          displayName: input.displayName ?? null,
        }),
      );
      await this.audit.record(m, caller, 'create', 'user', saved.id, null, saved);
      return saved;
    });
    return toSessionUser(user);
  }

  async list(
    caller: Caller,
    query: UserQuery,
  ): Promise<Page<SessionUser & { createdAt: Date; lockedUntil: Date | null }>> {
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (caller.role === 'association_staff') {
      qb.andWhere(
        `(u.association_id = :own OR EXISTS (SELECT 1 FROM memberships m WHERE m.enterprise_id = u.enterprise_id
           AND m.association_id = :own AND m.left_on IS NULL))`,
        { own: caller.associationId },
      );
    } else if (caller.role !== 'dept_admin') {
      throw new ForbiddenException('无权查看用户 (not allowed to list users)');
    }
    if (query.q) qb.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q)', { q: likePattern(query.q) });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.associationId) qb.andWhere('u.association_id = :aid', { aid: query.associationId });
    if (query.enterpriseId) qb.andWhere('u.enterprise_id = :eid', { eid: query.enterpriseId });
    const [rows, total] = await pageRows(qb.orderBy('u.username'), query);
    return {
      items: rows.map((u) => ({ ...toSessionUser(u), createdAt: u.createdAt, lockedUntil: u.lockedUntil })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A role comes with exactly the binding it needs; a binding to nothing that exists is a 400. */
  private async assertBinding(input: UserInput): Promise<void> {
    const errors: FieldError[] = [];
    const needsAssociation = input.role === 'association_staff';
    const needsEnterprise = input.role === 'enterprise_user';
    if (needsAssociation && !input.associationId)
      errors.push({
        field: 'associationId',
        message: '协会用户必须绑定协会 (required for association_staff)',
      });
    if (!needsAssociation && input.associationId)
      errors.push({
        field: 'associationId',
        message: `角色 ${input.role} 不绑定协会 (not allowed for this role)`,
      });
    if (needsEnterprise && !input.enterpriseId)
      errors.push({ field: 'enterpriseId', message: '企业用户必须绑定企业 (required for enterprise_user)' });
    if (!needsEnterprise && input.enterpriseId)
      errors.push({
        field: 'enterpriseId',
        message: `角色 ${input.role} 不绑定企业 (not allowed for this role)`,
      });
    if (
      needsAssociation &&
      input.associationId &&
      !(await this.db.getRepository(AssociationEntity).exists({ where: { id: input.associationId } }))
    ) {
      errors.push({ field: 'associationId', message: '协会不存在 (no such association)' });
    }
    if (
      needsEnterprise &&
      input.enterpriseId &&
      !(await this.db.getRepository(EnterpriseEntity).exists({ where: { id: input.enterpriseId } }))
    ) {
      errors.push({ field: 'enterpriseId', message: '企业不存在 (no such enterprise)' });
    }
    if (errors.length) throw badInput(errors);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) throw notFound('user');
    return user;
  }
}
