import { createTestApp, TestApp } from './support/test-app';
import { TEST_ADMIN } from './support/test-config';

describe('accounts (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login();
  });
  afterAll(() => t.close());

  it('logs the first admin in and answers /auth/me with the same user', async () => {
    const login = await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    expect(login.body.user).toMatchObject({ username: 'admin', role: 'dept_admin' });
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(login.body.user);
  });

  it('refuses requests without or with a forged token (401)', async () => {
    await t.http().get('/api/v1/auth/me').expect(401);
    const res = await t.http().get('/api/v1/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('locks an account after five failed logins: 423 even with the right password', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    await t
      .http()
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'lockme', password: 'Right1234', role: 'dept_staff' })
      .expect(201);
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'lockme', password: 'Wrong1234' })
        .expect(401);
    }
    const locked = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'lockme', password: 'Right1234' })
      .expect(423);
    expect(locked.body.message).toContain('锁定');
  });

  it('refuses an unknown field such as role in a login body with 400 and the field named', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ ...TEST_ADMIN, role: 'dept_admin' })
      .expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
  });

  it('validates new users: bad username, weak password, role binding', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'a', password: 'short', role: 'association_staff' })
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password']));
    const binding = await t
      .http()
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'nobinding', password: 'Good12345', role: 'association_staff' })
      .expect(400);
    expect(binding.body.details[0].field).toBe('associationId');
    await t
      .http()
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'admin', password: 'Good12345', role: 'reviewer' })
      .expect(409);
  });

  it('records writes in the audit log without password hashes, for dept_admin only', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    const res = await t.http().get('/api/v1/audit?entity=user').set(auth).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const row = res.body.items.find((r: { after: { username?: string } }) => r.after?.username === 'lockme');
    expect(row).toMatchObject({ action: 'create', entity: 'user', username: 'admin' });
    expect(JSON.stringify(res.body)).not.toContain('argon2');
  });

  it('answers /health with db and redis up', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });
});
