export const ROLES = [
  'dept_admin',
  'dept_staff',
  'association_staff',
  'enterprise_user',
  'reviewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  dept_admin: '厅管理员',
  dept_staff: '厅处室人员',
  association_staff: '协会工作人员',
  enterprise_user: '企业用户',
  reviewer: '评审专家',
};

/** Who is calling: taken from the verified token, handed to every service that reads or writes scoped data. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  associationId: string | null;
  enterpriseId: string | null;
}

export const isDepartment = (caller: Caller): boolean =>
  caller.role === 'dept_admin' || caller.role === 'dept_staff';

/** The system itself (seeding, imports run by a job on behalf of nobody in particular). */
export const SYSTEM_CALLER: Caller = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  role: 'dept_admin',
  associationId: null,
  enterpriseId: null,
};
