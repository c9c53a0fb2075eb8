import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';

/**
 * The registry's data-scope rules in one place: department roles see everything, association staff their
 * association and its current members, enterprise users their own enterprise (and the associations it belongs to).
 */
@Injectable()
export class RegistryScope {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async canSeeAssociation(caller: Caller, associationId: string): Promise<boolean> {
    if (isDepartment(caller) || caller.role === 'reviewer') return true;
    if (caller.role === 'association_staff') return caller.associationId === associationId;
    if (caller.role === 'enterprise_user' && caller.enterpriseId) {
      return this.isMember(associationId, caller.enterpriseId);
    }
    return false;
  }

  async canSeeEnterprise(caller: Caller, enterpriseId: string): Promise<boolean> {
    if (isDepartment(caller)) return true;
    if (caller.role === 'enterprise_user') return caller.enterpriseId === enterpriseId;
    if (caller.role === 'association_staff' && caller.associationId) {
      return this.isMember(caller.associationId, enterpriseId);
    }
    return false;
  }

  async isMember(associationId: string, enterpriseId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM memberships WHERE association_id = $1 AND enterprise_id = $2 AND left_on IS NULL',
      [associationId, enterpriseId],
    );
    return rows.length > 0;
  }

  /** Narrows an enterprise query (alias `alias`) to what the caller may see. */
  scopeEnterprises<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, alias: string): void {
    this.scopeByEnterprise(qb, caller, `${alias}.id`);
  }

  /** Narrows any query whose rows belong to the enterprise in `column` (postings, …) to what the caller may see. */
  scopeByEnterprise<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    caller: Caller,
    column: string,
  ): void {
    if (isDepartment(caller)) return;
    if (caller.role === 'enterprise_user') {
      qb.andWhere(`${column} = :scopeEnterpriseId`, { scopeEnterpriseId: caller.enterpriseId });
    } else if (caller.role === 'association_staff') {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM memberships sm WHERE sm.enterprise_id = ${column}
           AND sm.association_id = :scopeAssociationId AND sm.left_on IS NULL)`,
        { scopeAssociationId: caller.associationId },
      );
    } else {
      qb.andWhere('false');
    }
  }

  /** Narrows an association query to what the caller may see. */
  scopeAssociations<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, alias: string): void {
    if (isDepartment(caller) || caller.role === 'reviewer') return;
    if (caller.role === 'association_staff') {
      qb.andWhere(`${alias}.id = :scopeAssociationId`, { scopeAssociationId: caller.associationId });
    } else if (caller.role === 'enterprise_user') {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM memberships sm WHERE sm.association_id = ${alias}.id
           AND sm.enterprise_id = :scopeEnterpriseId AND sm.left_on IS NULL)`,
        { scopeEnterpriseId: caller.enterpriseId },
      );
    } else {
      qb.andWhere('false');
    }
  }
}
