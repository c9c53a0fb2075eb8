import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Caller, Role } from '../common/caller';
import { ROLES } from '../common/caller';
import type { UserEntity } from './user.entity';

interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  aid: string | null;
  eid: string | null;
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: UserEntity): string {
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      aid: user.associationId,
      eid: user.enterpriseId,
    };
    return this.jwt.sign(claims);
  }

  /** The caller of a request; any doubt about the token is a 401. */
  verify(token: string): Caller {
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('登录已失效，请重新登录 (invalid or expired token)');
    }
    if (!ROLES.includes(claims.role)) throw new UnauthorizedException('invalid token');
    return {
      userId: claims.sub,
      username: claims.username,
      role: claims.role,
      associationId: claims.aid,
      enterpriseId: claims.eid,
    };
  }
}
