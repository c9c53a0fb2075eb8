import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';

/**
 * Postings belong to their enterprise: enterprise users see their own, association staff their members',
 * department roles all of them. Applied to a query whose posting alias is `alias`.
 */
export function scopePostings<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  caller: Caller,
  alias: string,
): void {
  if (isDepartment(caller)) return;
  if (caller.role === 'enterprise_user') {
    qb.andWhere(`${alias}.enterprise_id = :scopeEnterpriseId`, { scopeEnterpriseId: caller.enterpriseId });
  } else if (caller.role === 'association_staff') {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM memberships sm WHERE sm.enterprise_id = ${alias}.enterprise_id
         AND sm.association_id = :scopeAssociationId AND sm.left_on IS NULL)`,
      { scopeAssociationId: caller.associationId },
    );
  } else {
    qb.andWhere('false');
  }
}
