import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { verifyPassword } from './password-hasher';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface SessionUser {
  id: string;
  username: string;
  role: UserEntity['role'];
  displayName: string | null;
  associationId?: string;
  enterpriseId?: string;
}

export function toSessionUser(user: UserEntity): SessionUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    displayName: user.displayName,
    ...(user.associationId ? { associationId: user.associationId } : {}),
    ...(user.enterpriseId ? { enterpriseId: user.enterpriseId } : {}),
  };
}

// Verifying against a real hash for unknown users keeps their response time like a known user's.
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$6e0rOMF19qyDApv2jcfxWw$QNzNTmr/K6VBhN+x8KLZjECwBpEG4yG32p5M+wGdWAE';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; user: SessionUser }> {
    const user = await this.users.findOne({ where: { username } });
    if (!user) {
      await verifyPassword(DUMMY_HASH, password);
      throw new UnauthorizedException('用户名或密码错误 (wrong username or password)');
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw this.locked(user.lockedUntil);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.countFailure(user.id);
      throw new UnauthorizedException('用户名或密码错误 (wrong username or password)');
    }
    await this.users.update(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    return { accessToken: this.tokens.issue(user), user: toSessionUser(user) };
  }

  async me(userId: string): Promise<SessionUser> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw new UnauthorizedException('account no longer exists');
    return toSessionUser(user);
  }

  /** One atomic UPDATE, so concurrent wrong attempts all count; an expired lock starts a fresh count. */
  private async countFailure(userId: string): Promise<void> {
    await this.users.query(
      `UPDATE users SET
         failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
         locked_until = CASE
           WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= $2
           THEN now() + make_interval(mins => $3) ELSE NULL END
       WHERE id = $1`,
      [userId, MAX_FAILED_LOGINS, LOCK_MINUTES],
    );
  }

  private locked(until: Date): HttpException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new HttpException(
      {
        statusCode: HttpStatus.LOCKED,
        error: 'Locked',
        message: `账户因连续登录失败已锁定，请 ${minutes} 分钟后再试 (account locked for ${minutes} more minutes)`,
        lockedUntil: until.toISOString(),
      },
      HttpStatus.LOCKED,
    );
  }
}
