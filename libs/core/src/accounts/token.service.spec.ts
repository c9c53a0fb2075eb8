import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { sign } from 'jsonwebtoken';
import { jwtOptions } from './jwt-options';
import { TokenService } from './token.service';
import type { UserEntity } from './user.entity';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const user = {
  id: '0b6c1c1e-3f7b-4c52-9a57-0f2d8e6a1b11',
  username: 'staff01',
  role: 'association_staff',
  associationId: '5d1e1a2b-8c3d-4e5f-9a6b-7c8d9e0f1a2b',
  enterpriseId: null,
} as unknown as UserEntity;

describe('TokenService with the key-object secret', () => {
  const tokens = new TokenService(new JwtService(jwtOptions(SECRET)));

  it('verifies the tokens it issues, as HS256', () => {
    const token = tokens.issue(user);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).alg).toBe('HS256');
    expect(tokens.verify(token)).toEqual({
      userId: user.id,
      username: 'staff01',
      role: 'association_staff',
      associationId: user.associationId,
      enterpriseId: null,
    });
  });

  it('still accepts a token signed with the secret as a string (issued before the change)', () => {
    const claims = { sub: user.id, username: 'staff01', role: 'association_staff', aid: null, eid: null };
    expect(tokens.verify(sign(claims, SECRET, { expiresIn: '1h' })).userId).toBe(user.id);
  });

  it('refuses another secret, another algorithm, an unsigned token and an expired one', () => {
    const claims = { sub: user.id, username: 'staff01', role: 'association_staff', aid: null, eid: null };
    const bad = [
      sign(claims, 'another-secret-of-enough-length-0123456789'),
      sign(claims, SECRET, { algorithm: 'HS512' }),
      sign(claims, null, { algorithm: 'none' }),
      sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, SECRET),
    ];
    for (const token of bad) expect(() => tokens.verify(token)).toThrow(UnauthorizedException);
  });
});
