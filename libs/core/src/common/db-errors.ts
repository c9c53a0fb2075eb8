import { QueryFailedError } from 'typeorm';

/** Unique and key constraints by name → the API field and a message people understand. */
const CONSTRAINT_FIELDS: Record<string, { field: string; message: string }> = {
  uq_clusters_code: { field: 'code', message: '集群编码已存在 (cluster code already exists)' },
  uq_chains_cluster_code: {
    field: 'code',
    message: '该集群下产业链编码已存在 (chain code already exists in this cluster)',
  },
  uq_associations_credit_code: {
    field: 'creditCode',
    message: '该统一社会信用代码的协会已存在 (an association with this credit code exists)',
  },
  pk_association_lead_clusters: {
    field: 'leadClusterIds',
    message: '该集群已有牵头协会 (the cluster already has a lead association)',
  },
  uq_enterprises_credit_code: {
    field: 'creditCode',
    message: '该统一社会信用代码的企业已存在 (an enterprise with this credit code exists)',
  },
  uq_memberships_association_enterprise: {
    field: 'enterpriseId',
    message: '该企业已是本协会会员 (already a member)',
  },
  uq_users_username: { field: 'username', message: '用户名已存在 (username taken)' },
};

export interface UniqueViolation {
  field: string;
  message: string;
}

/** Maps a PostgreSQL unique violation (23505) to the field at fault; anything else returns null. */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  if (driverError?.code !== '23505') return null;
  return (
    CONSTRAINT_FIELDS[driverError.constraint ?? ''] ?? {
      field: 'id',
      message: '记录已存在 (duplicate record)',
    }
  );
}

/** Lets modules add their own constraints to the map at load time. */
export function registerConstraintFields(entries: Record<string, UniqueViolation>): void {
  Object.assign(CONSTRAINT_FIELDS, entries);
}
