import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/core';

export const ROLES_KEY = 'clusterlink:roles';
/** The roles allowed on a route; data scope is then checked by the service. A route without @Roles is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const ALL_ROLES: Role[] = [
  'dept_admin',
  'dept_staff',
  'association_staff',
  'enterprise_user',
  'reviewer',
];
export const DEPARTMENT: Role[] = ['dept_admin', 'dept_staff'];
