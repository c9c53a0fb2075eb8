import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { hashPassword } from '../accounts/password-hasher';
import { UserEntity } from '../accounts/user.entity';

export interface FirstAdminResult {
  username: string;
  /** Set only when the password was generated here: the caller prints it once. */
  generatedPassword: string | null;
}

/** On a database without users, creates the first dept_admin from ADMIN_USERNAME / ADMIN_PASSWORD. */
export async function ensureFirstAdmin(
  m: EntityManager,
  username: string,
  password: string | null,
): Promise<FirstAdminResult | null> {
  if ((await m.count(UserEntity)) > 0) return null;
  const generated = password ? null : `${randomBytes(9).toString('base64url')}7a`;
  await m.insert(UserEntity, {
    username,
    passwordHash: await hashPassword(password ?? generated!),
    role: 'dept_admin',
    displayName: '系统管理员',
  });
  return { username, generatedPassword: generated };
}
