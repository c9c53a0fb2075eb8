import type { Role } from '../common/caller';

/** One login per role on the demo data set, listed in the README; never created when DEMO_DATA=false. */
export const DEMO_PASSWORD = 'Demo2026';

export interface DemoLogin {
  username: string;
  role: Role;
  displayName: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'demo_admin', role: 'dept_admin', displayName: '演示·厅管理员' },
  { username: 'demo_staff', role: 'dept_staff', displayName: '演示·产业集群处' },
  { username: 'demo_assoc', role: 'association_staff', displayName: '演示·协会秘书处' },
  { username: 'demo_ent', role: 'enterprise_user', displayName: '演示·企业对接人' },
  { username: 'demo_reviewer', role: 'reviewer', displayName: '演示·评审专家' },
];
