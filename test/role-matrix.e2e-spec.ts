import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import {
  creditCode,
  Factories,
  uniqueSuffix,
  type AssociationBody,
  type EnterpriseBody,
  type MadeUser,
} from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The role × route matrix: for every route of the API and every role, the status the server must answer, plus the
 * scope cases (association staff of A against B's data, an enterprise user against another enterprise). A route
 * that appears in the OpenAPI document or in a controller without rows here fails the suite.
 */

const ROLES = ['dept_admin', 'dept_staff', 'association_staff', 'enterprise_user', 'reviewer'] as const;
type RoleKey = (typeof ROLES)[number];
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** Every route of the API, as `METHOD /openapi/path`. */
const ROUTES = [
  'GET /health',
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/me',
  'POST /api/v1/users',
  'GET /api/v1/users',
  'GET /api/v1/audit',
  'POST /api/v1/clusters',
  'GET /api/v1/clusters',
  'GET /api/v1/clusters/{id}',
  'PATCH /api/v1/clusters/{id}',
  'POST /api/v1/chains',
  'GET /api/v1/chains',
  'POST /api/v1/associations',
  'GET /api/v1/associations',
  'GET /api/v1/associations/{id}',
  'PATCH /api/v1/associations/{id}',
  'POST /api/v1/associations/{id}/members',
  'GET /api/v1/associations/{id}/members',
  'POST /api/v1/enterprises',
  'GET /api/v1/enterprises',
  'GET /api/v1/enterprises/{id}',
  'PATCH /api/v1/enterprises/{id}',
  'POST /api/v1/postings',
  'GET /api/v1/postings',
  'GET /api/v1/postings/{id}',
  'PATCH /api/v1/postings/{id}',
  'GET /api/v1/postings/{id}/matches',
  'POST /api/v1/match-runs',
  'GET /api/v1/match-runs',
  'GET /api/v1/match-runs/schedule',
  'GET /api/v1/match-runs/{id}',
  'GET /api/v1/match-dictionary/gaps',
  'PATCH /api/v1/recommendations/{id}',
  'POST /api/v1/events',
  'GET /api/v1/events',
  'GET /api/v1/events/{id}',
  'PATCH /api/v1/events/{id}',
  'GET /api/v1/events/{id}/summary',
  'POST /api/v1/events/{id}/participants',
  'GET /api/v1/events/{id}/participants',
  'POST /api/v1/events/{id}/participants/bulk',
  'PATCH /api/v1/events/{id}/participants/{id}',
  'POST /api/v1/events/{id}/participants/{id}/check-in',
  'POST /api/v1/events/{id}/meetings/schedule',
  'GET /api/v1/events/{id}/meetings',
  'PATCH /api/v1/events/{id}/meetings/{id}',
  'GET /api/v1/events/{id}/meetings/by-enterprise.xlsx',
  'GET /api/v1/events/{id}/meetings/by-table.xlsx',
  'POST /api/v1/intents',
  'GET /api/v1/intents',
  'GET /api/v1/intents/{id}',
  'POST /api/v1/intents/{id}/transitions',
  'GET /api/v1/imports/{id}/template.xlsx',
  'POST /api/v1/imports/{id}',
  'GET /api/v1/imports',
  'GET /api/v1/imports/{id}',
  'GET /api/v1/stats/overview',
  'GET /api/v1/stats/by-association',
  'GET /api/v1/stats/by-cluster',
  'GET /api/v1/stats/by-month',
  'GET /api/v1/stats/by-event-type',
  'GET /api/v1/stats/attention',
  'GET /api/v1/targets/{id}',
  'PUT /api/v1/targets/{id}',
  'POST /api/v1/exports',
  'GET /api/v1/exports',
  'GET /api/v1/exports/{id}',
  'GET /api/v1/exports/{id}/file.xlsx',
] as const;
const PUBLIC_ROUTES = new Set<string>(['GET /health', 'POST /api/v1/auth/login']);

/** The data every row runs against: two associations, a member enterprise each, and a user per role. */
interface World {
  ids: Record<
    | 'A'
    | 'B'
    | 'EA'
    | 'EB'
    | 'C'
    | 'CA'
    | 'CB'
    | 'P'
    | 'PB'
    | 'R'
    | 'EV'
    | 'EVB'
    | 'PT'
    | 'IN'
    | 'INB'
    | 'KE'
    | 'KM',
    string
  >;
  users: Record<RoleKey, MadeUser>;
  tokens: Record<RoleKey, string>;
  /** Users bound to B's side, to prove that A's staff do not see them. */
  others: { staffB: MadeUser; userEB: MadeUser };
  make: Factories;
  admin: (method: Method, path: string, body?: object) => Promise<Response>;
}

type Body = Record<string, unknown>;

interface Row {
  role: RoleKey;
  method: Method;
  /**
   * Absolute path with placeholders {A} {B} {EA} {EB} {C} {CA} {CB}, {P} {PB} (draft postings of EA and EB),
   * {R} (a match run the admin queued), {EV} {EVB} (open events of A and B; EA takes part in EV as {PT}),
   * {IN} {INB} (intents of EA and EB), {KE} {KM} (the import kinds enterprises and members) and {X} (an id that
   * exists nowhere).
   */
  path: string;
  status: number;
  body?: (w: World, role: RoleKey) => Body | Promise<Body>;
  /** Further proof on the answer: scoped content, or that a refused write left no trace. */
  check?: (res: Response, w: World, body: Body | undefined) => void | Promise<void>;
  why?: string;
}

const V1 = '/api/v1';
const routeOf = (method: string, path: string): string =>
  `${method} ${path.replace(/\?.*$/, '').replace(/\{[A-Za-z]+\}/g, '{id}')}`;

const idsOf = (res: Response): string[] => (res.body.items as { id: string }[]).map((i) => i.id).sort();

// ---- bodies -------------------------------------------------------------------------------------------------

const clusterBody = (): Body => ({ code: `M-${uniqueSuffix()}`, name: '矩阵测试集群', tier: 'regional' });
const chainBody = (w: World): Body => ({
  clusterId: w.ids.C,
  code: `MC-${uniqueSuffix()}`,
  name: '矩阵产业链',
});
const associationBody = (): Body => ({
  name: `矩阵协会${uniqueSuffix()}`,
  creditCode: creditCode('51', '210000'),
});
const enterpriseBody = (): Body => ({
  name: `矩阵企业${uniqueSuffix()}有限公司`,
  creditCode: creditCode('91', '210203'),
  regionCode: '210203',
  scale: 'small',
});
const postingBody = (w: World): Body => ({
  enterpriseId: w.ids.EA,
  kind: 'demand',
  category: 'product',
  title: `矩阵测试需求${uniqueSuffix()}`,
  description: '采购数控机床主轴',
  keywords: ['主轴'],
});
const eventBody = (w: World): Body => ({
  title: `矩阵测试对接会${uniqueSuffix()}`,
  type: 'matchmaking',
  associationId: w.ids.A,
  clusterIds: [w.ids.C],
  startDate: '2027-05-10',
  endDate: '2027-05-10',
  regionCode: '210100',
});
const intentBody = (w: World): Body => ({
  enterpriseId: w.ids.EA,
  counterpartName: `矩阵外部伙伴${uniqueSuffix()}`,
  title: '矩阵测试意向',
});
const scheduleBody = (): Body => ({
  slots: [{ start: '2027-05-10T09:00:00+08:00', end: '2027-05-10T09:30:00+08:00' }],
  tables: 2,
});
const freshEnterprise = async (w: World): Promise<Body> => ({ enterpriseId: (await w.make.enterprise()).id });
const contact = (): Body => ({ contactName: `联系人${uniqueSuffix()}`.slice(0, 20) });
const userBody =
  (role: RoleKey, binding: (w: World) => Body = () => ({})) =>
  (w: World): Body => ({
    username: `mx_${uniqueSuffix()}`,
    password: 'Matrix12345',
    role,
    ...binding(w),
  });
const reviewerUser = userBody('reviewer');
const enterpriseUserFor = (key: 'EA' | 'EB') =>
  userBody('enterprise_user', (w) => ({ enterpriseId: w.ids[key] }));

// ---- checks -------------------------------------------------------------------------------------------------

/** A refused POST created nothing: looked up as the admin, the would-be row is absent. */
async function nothingCreated(path: string, w: World, body: Body | undefined): Promise<void> {
  const b = body ?? {};
  let res: Response;
  if (path.endsWith('/members')) {
    const associationId = path.split('/')[4];
    res = await w.admin('GET', `${V1}/enterprises?associationId=${associationId}&pageSize=200`);
    expect(idsOf(res)).not.toContain(b.enterpriseId);
    return;
  }
  const q = encodeURIComponent(String(b.creditCode ?? b.code ?? b.username ?? b.title));
  res = await w.admin('GET', `${path}?q=${q}`);
  expect(res.status).toBe(200);
  expect(res.body.total).toBe(0);
}

/** A refused PATCH changed nothing: no string field of the body shows up on the target. */
async function nothingChanged(path: string, w: World, body: Body | undefined): Promise<void> {
  const res = await w.admin('GET', path);
  expect(res.status).toBe(200);
  for (const [key, value] of Object.entries(body ?? {})) {
    if (typeof value === 'string') expect(res.body[key]).not.toBe(value);
  }
}

/** Association staff of A list exactly A's current members. */
async function onlyMembersOfA(res: Response, w: World): Promise<void> {
  const members = await w.admin('GET', `${V1}/associations/${w.ids.A}/members?pageSize=200`);
  const expected = (members.body.items as { enterpriseId: string }[]).map((m) => m.enterpriseId).sort();
  expect(res.body.total).toBe(expected.length);
  expect(idsOf(res)).toEqual(expected);
  expect(idsOf(res)).toContain(w.ids.EA);
  expect(idsOf(res)).not.toContain(w.ids.EB);
}

// ---- the table ----------------------------------------------------------------------------------------------

type PerRole = Record<RoleKey, number>;
const all = (status: number): PerRole => Object.fromEntries(ROLES.map((r) => [r, status])) as PerRole;
const only = (allowed: RoleKey[], ok: number, otherwise = 403): PerRole =>
  Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? ok : otherwise])) as PerRole;
const DEPT: RoleKey[] = ['dept_admin', 'dept_staff'];

/** One row per role for a route. */
function everyRole(
  method: Method,
  path: string,
  statuses: PerRole,
  extra: Omit<Row, 'role' | 'method' | 'path' | 'status'> = {},
): Row[] {
  return ROLES.map((role) => ({ role, method, path, status: statuses[role], ...extra }));
}

const refusedWritesLeaveNoTrace = (method: Method, path: string) =>
  method === 'POST'
    ? (res: Response, w: World, body: Body | undefined) =>
        res.status >= 400 ? nothingCreated(fill(path, w), w, body) : undefined
    : (res: Response, w: World, body: Body | undefined) =>
        res.status >= 400 ? nothingChanged(fill(path, w), w, body) : undefined;

const MATRIX: Row[] = [
  // public
  ...everyRole('GET', '/health', all(200)),
  ...everyRole('POST', `${V1}/auth/login`, all(200), {
    body: (w, role) => ({ username: w.users[role].username, password: w.users[role].password }),
    check: (res, _w, body) => {
      expect(res.body.user.username).toBe(body!.username);
      expect(res.body.accessToken).toEqual(expect.any(String));
    },
  }),
  // accounts
  ...everyRole('GET', `${V1}/auth/me`, all(200)),
  ...everyRole('POST', `${V1}/users`, only(['dept_admin'], 201), {
    body: reviewerUser,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/users`),
  }),
  ...everyRole('GET', `${V1}/users`, only(['dept_admin', 'association_staff'], 200)),
  ...everyRole('GET', `${V1}/audit`, only(['dept_admin'], 200)),
  // clusters and chains
  ...everyRole('POST', `${V1}/clusters`, only(DEPT, 201), {
    body: clusterBody,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/clusters`),
  }),
  ...everyRole('GET', `${V1}/clusters`, all(200)),
  ...everyRole('GET', `${V1}/clusters/{C}`, all(200)),
  ...everyRole('PATCH', `${V1}/clusters/{C}`, only(DEPT, 200), {
    body: () => ({ description: `矩阵描述${uniqueSuffix()}` }),
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/clusters/{C}`),
  }),
  ...everyRole('POST', `${V1}/chains`, only(DEPT, 201), {
    body: chainBody,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/chains`),
  }),
  ...everyRole('GET', `${V1}/chains`, all(200)),
  // associations
  ...everyRole('POST', `${V1}/associations`, only(DEPT, 201), {
    body: associationBody,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/associations`),
  }),
  ...everyRole('GET', `${V1}/associations`, all(200)),
  ...everyRole('GET', `${V1}/associations/{A}`, all(200)),
  ...everyRole('PATCH', `${V1}/associations/{A}`, only([...DEPT, 'association_staff'], 200), {
    body: contact,
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/associations/{A}`),
  }),
  ...everyRole('POST', `${V1}/associations/{A}/members`, only([...DEPT, 'association_staff'], 201), {
    body: freshEnterprise,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/associations/{A}/members`),
  }),
  ...everyRole('GET', `${V1}/associations/{A}/members`, only([...DEPT, 'association_staff'], 200)),
  // enterprises
  ...everyRole('POST', `${V1}/enterprises`, only([...DEPT, 'association_staff'], 201), {
    body: enterpriseBody,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/enterprises`),
  }),
  ...everyRole('GET', `${V1}/enterprises`, only([...DEPT, 'association_staff', 'enterprise_user'], 200)),
  ...everyRole('GET', `${V1}/enterprises/{EA}`, only([...DEPT, 'association_staff', 'enterprise_user'], 200)),
  ...everyRole(
    'PATCH',
    `${V1}/enterprises/{EA}`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 200),
    {
      body: contact,
      check: refusedWritesLeaveNoTrace('PATCH', `${V1}/enterprises/{EA}`),
    },
  ),

  // postings and matching
  ...everyRole('POST', `${V1}/postings`, only([...DEPT, 'association_staff', 'enterprise_user'], 201), {
    body: postingBody,
  }),
  ...everyRole('GET', `${V1}/postings`, only([...DEPT, 'association_staff', 'enterprise_user'], 200)),
  ...everyRole('GET', `${V1}/postings/{P}`, only([...DEPT, 'association_staff', 'enterprise_user'], 200)),
  ...everyRole('PATCH', `${V1}/postings/{P}`, only([...DEPT, 'association_staff', 'enterprise_user'], 200), {
    body: () => ({ title: `矩阵改标题${uniqueSuffix()}` }),
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/postings/{P}`),
  }),
  ...everyRole(
    'GET',
    `${V1}/postings/{P}/matches`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 200),
  ),
  ...everyRole('POST', `${V1}/match-runs`, only(DEPT, 202), {
    body: () => ({ scope: 'all' }),
    why: 'a full re-match is the department’s',
  }),
  // the admin's run {R} is listed for the department only; association staff see their own runs
  ...everyRole('GET', `${V1}/match-runs`, only([...DEPT, 'association_staff'], 200)).map((row): Row => ({
    ...row,
    check: (res, w) => {
      if (res.status === 200) expect(idsOf(res).includes(w.ids.R)).toBe(DEPT.includes(row.role));
    },
  })),
  ...everyRole('GET', `${V1}/match-runs/schedule`, only(DEPT, 200)),
  ...everyRole('GET', `${V1}/match-runs/{R}`, {
    dept_admin: 200,
    dept_staff: 200,
    association_staff: 404,
    enterprise_user: 404,
    reviewer: 403,
  }),
  // words cut into characters, for the site dictionary: the staff who keep it (scope: dictionary-gaps spec)
  ...everyRole('GET', `${V1}/match-dictionary/gaps`, only([...DEPT, 'association_staff'], 200)),
  ...everyRole(
    'PATCH',
    `${V1}/recommendations/{X}`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 404, 403),
    { body: () => ({ status: 'viewed' }) },
  ),
  ...scopeRows('association_staff', [
    ['GET', `${V1}/postings/{PB}`, 404],
    ['GET', `${V1}/postings/{PB}/matches`, 404],
  ]),
  ...scopeRows('enterprise_user', [
    ['GET', `${V1}/postings/{PB}`, 404],
    ['GET', `${V1}/postings/{PB}/matches`, 404],
  ]),
  {
    role: 'enterprise_user',
    method: 'PATCH',
    path: `${V1}/postings/{PB}`,
    status: 404,
    body: () => ({ title: `越权改标题${uniqueSuffix()}` }),
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/postings/{PB}`),
  },
  {
    role: 'enterprise_user',
    method: 'GET',
    path: `${V1}/postings?pageSize=200`,
    status: 200,
    why: 'lists only EA’s postings',
    check: (res, w) => {
      const enterprises = new Set((res.body.items as { enterpriseId: string }[]).map((p) => p.enterpriseId));
      expect([...enterprises]).toEqual([w.ids.EA]);
      expect(idsOf(res)).not.toContain(w.ids.PB);
    },
  },

  // events, participants, meetings
  ...everyRole('POST', `${V1}/events`, only([...DEPT, 'association_staff'], 201), {
    body: eventBody,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/events`),
  }),
  ...everyRole('GET', `${V1}/events`, all(200)),
  ...everyRole('GET', `${V1}/events/{EV}`, all(200)),
  ...everyRole('PATCH', `${V1}/events/{EV}`, only([...DEPT, 'association_staff'], 200), {
    body: () => ({ venue: `矩阵会场${uniqueSuffix()}` }),
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/events/{EV}`),
  }),
  ...everyRole('GET', `${V1}/events/{EV}/summary`, all(200)),
  ...everyRole('POST', `${V1}/events/{EV}/participants`, only([...DEPT, 'association_staff'], 201), {
    body: async (w) => ({ ...(await freshEnterprise(w)), role: 'visitor' }),
  }),
  ...everyRole(
    'GET',
    `${V1}/events/{EV}/participants`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 200),
  ),
  ...everyRole('POST', `${V1}/events/{EV}/participants/bulk`, only([...DEPT, 'association_staff'], 200), {
    body: () => ({ creditCodes: [creditCode('91', '210102')], role: 'visitor' }),
  }),
  ...everyRole('PATCH', `${V1}/events/{EV}/participants/{PT}`, only([...DEPT, 'association_staff'], 200), {
    body: () => ({ role: 'buyer' }),
  }),
  ...everyRole(
    'POST',
    `${V1}/events/{EV}/participants/{PT}/check-in`,
    only([...DEPT, 'association_staff'], 200),
  ),
  ...everyRole('POST', `${V1}/events/{EV}/meetings/schedule`, only([...DEPT, 'association_staff'], 202), {
    body: scheduleBody,
  }),
  ...everyRole(
    'GET',
    `${V1}/events/{EV}/meetings`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 200),
  ),
  ...everyRole(
    'PATCH',
    `${V1}/events/{EV}/meetings/{X}`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 404, 403),
    { body: () => ({ status: 'held' }) },
  ),
  ...everyRole(
    'GET',
    `${V1}/events/{EV}/meetings/by-enterprise.xlsx`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 200),
  ),
  ...everyRole(
    'GET',
    `${V1}/events/{EV}/meetings/by-table.xlsx`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 200),
  ),
  // intents
  ...everyRole('POST', `${V1}/intents`, only([...DEPT, 'association_staff', 'enterprise_user'], 201), {
    body: intentBody,
  }),
  ...everyRole('GET', `${V1}/intents`, only([...DEPT, 'association_staff', 'enterprise_user'], 200)),
  ...everyRole('GET', `${V1}/intents/{IN}`, only([...DEPT, 'association_staff', 'enterprise_user'], 200)),
  ...everyRole(
    'POST',
    `${V1}/intents/{X}/transitions`,
    only([...DEPT, 'association_staff', 'enterprise_user'], 404, 403),
    { body: () => ({ to: 'signed', on: '2026-11-01' }) },
  ),
  // statistics and targets
  ...everyRole('GET', `${V1}/stats/overview`, only([...DEPT, 'association_staff', 'reviewer'], 200)),
  ...everyRole('GET', `${V1}/stats/by-association`, only([...DEPT, 'reviewer'], 200)),
  ...everyRole('GET', `${V1}/stats/by-cluster`, only([...DEPT, 'reviewer'], 200)),
  ...everyRole('GET', `${V1}/stats/by-month`, only([...DEPT, 'association_staff', 'reviewer'], 200)),
  ...everyRole('GET', `${V1}/stats/by-event-type`, only([...DEPT, 'association_staff', 'reviewer'], 200)),
  ...everyRole('GET', `${V1}/stats/attention`, only([...DEPT, 'reviewer'], 200)),
  ...everyRole('GET', `${V1}/targets/{Y}`, only([...DEPT, 'reviewer'], 200)),
  ...everyRole('PUT', `${V1}/targets/{Y}`, only(['dept_admin'], 200), {
    body: () => ({ events: 10, enterprisesServed: 100, intents: 20 }),
  }),
  ...scopeRows('association_staff', [
    ['GET', `${V1}/stats/overview?associationId={B}`, 404],
    ['GET', `${V1}/stats/by-month?associationId={B}`, 404],
    ['GET', `${V1}/stats/by-event-type?associationId={B}`, 404],
  ]),
  {
    role: 'association_staff',
    method: 'GET',
    path: `${V1}/stats/overview?associationId={A}`,
    status: 200,
    why: 'their own association is allowed',
  },
  // background exports: anyone may export a list they can read; each sees only their own exports
  ...everyRole('POST', `${V1}/exports`, all(202), { body: () => ({ list: 'events' }) }),
  ...everyRole('POST', `${V1}/exports`, only(['dept_admin'], 202), { body: () => ({ list: 'audit' }) }),
  ...everyRole('GET', `${V1}/exports`, all(200)),
  ...everyRole('GET', `${V1}/exports/{X}`, all(404)),
  ...everyRole('GET', `${V1}/exports/{X}/file.xlsx`, all(404)),
  // imports
  ...everyRole('GET', `${V1}/imports/{KE}/template.xlsx`, only(DEPT, 200)),
  ...everyRole('GET', `${V1}/imports/{KM}/template.xlsx`, only([...DEPT, 'association_staff'], 200)),
  ...everyRole('POST', `${V1}/imports/{KM}`, only([...DEPT, 'association_staff'], 400), {
    why: 'allowed roles get past the guard to “no file”',
    check: (res) => (res.status === 400 ? expect(res.body.details[0].field).toBe('file') : undefined),
  }),
  ...everyRole('POST', `${V1}/imports/{KE}`, only(DEPT, 400)),
  ...everyRole('GET', `${V1}/imports`, only([...DEPT, 'association_staff'], 200)),
  ...everyRole('GET', `${V1}/imports/{X}`, only([...DEPT, 'association_staff'], 404)),
  ...scopeRows('association_staff', [
    ['GET', `${V1}/events/{EVB}`, 404],
    ['GET', `${V1}/events/{EVB}/participants`, 404],
    ['GET', `${V1}/events/{EVB}/meetings`, 404],
    ['GET', `${V1}/intents/{INB}`, 404],
  ]),
  ...scopeRows('enterprise_user', [
    ['GET', `${V1}/events/{EVB}`, 404],
    ['GET', `${V1}/events/{EVB}/summary`, 404],
    ['GET', `${V1}/intents/{INB}`, 404],
  ]),
  {
    role: 'association_staff',
    method: 'PATCH',
    path: `${V1}/events/{EVB}`,
    status: 404,
    body: () => ({ venue: `越权会场${uniqueSuffix()}` }),
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/events/{EVB}`),
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/events/{EVB}/participants`,
    status: 404,
    body: async (w) => ({ ...(await freshEnterprise(w)), role: 'visitor' }),
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/events`,
    status: 403,
    why: 'staff of A cannot organise B’s events',
    body: (w) => ({ ...eventBody(w), associationId: w.ids.B }),
  },
  {
    role: 'enterprise_user',
    method: 'POST',
    path: `${V1}/intents/{INB}/transitions`,
    status: 404,
    body: () => ({ to: 'signed', on: '2026-11-01' }),
  },
  {
    role: 'enterprise_user',
    method: 'GET',
    path: `${V1}/events?pageSize=200`,
    status: 200,
    why: 'lists only the events EA takes part in',
    check: (res, w) => expect(idsOf(res)).toEqual([w.ids.EV]),
  },

  // ---- scope: association staff of A -------------------------------------------------------------------------
  ...scopeRows('association_staff', [
    ['GET', `${V1}/associations/{B}`, 404],
    ['GET', `${V1}/associations/{B}/members`, 404],
    ['GET', `${V1}/enterprises/{EB}`, 404],
  ]),
  {
    role: 'association_staff',
    method: 'PATCH',
    path: `${V1}/associations/{B}`,
    status: 404,
    body: contact,
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/associations/{B}`),
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/associations/{B}/members`,
    status: 404,
    body: freshEnterprise,
    check: refusedWritesLeaveNoTrace('POST', `${V1}/associations/{B}/members`),
  },
  {
    role: 'association_staff',
    method: 'PATCH',
    path: `${V1}/enterprises/{EB}`,
    status: 404,
    body: contact,
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/enterprises/{EB}`),
  },
  {
    role: 'association_staff',
    method: 'PATCH',
    path: `${V1}/associations/{A}`,
    status: 403,
    why: 'lead clusters are the department’s to change',
    body: (w) => ({ leadClusterIds: [w.ids.CA, w.ids.CB] }),
    check: async (_res, w) => {
      const a = await w.admin('GET', `${V1}/associations/${w.ids.A}`);
      expect(a.body.leadClusterIds).toEqual([w.ids.CA]);
    },
  },
  {
    role: 'association_staff',
    method: 'PATCH',
    path: `${V1}/associations/{A}`,
    status: 403,
    why: 'credit codes are the department’s to change',
    body: () => ({ creditCode: creditCode('51', '210000') }),
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/associations/{A}`),
  },
  {
    role: 'association_staff',
    method: 'GET',
    path: `${V1}/enterprises`,
    status: 200,
    why: 'lists only A’s members',
    check: onlyMembersOfA,
  },
  {
    role: 'association_staff',
    method: 'GET',
    path: `${V1}/enterprises?associationId={B}`,
    status: 200,
    why: 'a filter cannot widen the scope',
    check: (res) => expect(res.body).toMatchObject({ total: 0, items: [] }),
  },
  {
    role: 'association_staff',
    method: 'GET',
    path: `${V1}/associations`,
    status: 200,
    why: 'lists only A',
    check: (res, w) => expect(idsOf(res)).toEqual([w.ids.A]),
  },
  {
    role: 'association_staff',
    method: 'GET',
    path: `${V1}/users?pageSize=200`,
    status: 200,
    why: 'lists only A’s staff and its members’ users',
    check: (res, w) => {
      const ids = idsOf(res);
      expect(ids).toEqual(expect.arrayContaining([w.users.association_staff.id, w.users.enterprise_user.id]));
      expect(ids).not.toContain(w.others.staffB.id);
      expect(ids).not.toContain(w.others.userEB.id);
      expect(ids).not.toContain(w.users.dept_admin.id);
      expect(ids).not.toContain(w.users.reviewer.id);
    },
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/users`,
    status: 400,
    why: 'EB is not a member of A',
    body: enterpriseUserFor('EB'),
    check: async (res, w, body) => {
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['enterpriseId']);
      await nothingCreated(`${V1}/users`, w, body);
    },
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/users`,
    status: 201,
    why: 'an enterprise user for member EA',
    body: enterpriseUserFor('EA'),
    check: (res, w) => expect(res.body).toMatchObject({ role: 'enterprise_user', enterpriseId: w.ids.EA }),
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/users`,
    status: 403,
    why: 'may not create a dept_admin',
    body: userBody('dept_admin'),
    check: refusedWritesLeaveNoTrace('POST', `${V1}/users`),
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/users`,
    status: 403,
    why: 'may not create association staff, even for A',
    body: userBody('association_staff', (w) => ({ associationId: w.ids.A })),
    check: refusedWritesLeaveNoTrace('POST', `${V1}/users`),
  },
  {
    role: 'association_staff',
    method: 'POST',
    path: `${V1}/enterprises`,
    status: 201,
    why: 'the new enterprise becomes A’s member and stays visible',
    body: enterpriseBody,
    check: async (res, w) => {
      const members = await w.admin('GET', `${V1}/associations/${w.ids.A}/members?pageSize=200`);
      expect(members.body.items.map((m: { enterpriseId: string }) => m.enterpriseId)).toContain(res.body.id);
      const seen = await w.admin('GET', `${V1}/enterprises/${res.body.id}`);
      expect(seen.status).toBe(200);
    },
  },

  // ---- scope: enterprise user of EA --------------------------------------------------------------------------
  ...scopeRows('enterprise_user', [
    ['GET', `${V1}/enterprises/{EB}`, 404],
    ['GET', `${V1}/associations/{B}`, 404],
  ]),
  {
    role: 'enterprise_user',
    method: 'PATCH',
    path: `${V1}/enterprises/{EB}`,
    status: 404,
    body: contact,
    check: refusedWritesLeaveNoTrace('PATCH', `${V1}/enterprises/{EB}`),
  },
  {
    role: 'enterprise_user',
    method: 'GET',
    path: `${V1}/enterprises`,
    status: 200,
    why: 'lists only EA',
    check: (res, w) => {
      expect(idsOf(res)).toEqual([w.ids.EA]);
      expect(res.body.total).toBe(1);
    },
  },
  {
    role: 'enterprise_user',
    method: 'GET',
    path: `${V1}/associations`,
    status: 200,
    why: 'lists only the associations EA belongs to',
    check: (res, w) => expect(idsOf(res)).toEqual([w.ids.A]),
  },
  {
    role: 'enterprise_user',
    method: 'POST',
    path: `${V1}/users`,
    status: 403,
    body: enterpriseUserFor('EA'),
    check: refusedWritesLeaveNoTrace('POST', `${V1}/users`),
  },

  // ---- reviewer and department --------------------------------------------------------------------------------
  {
    role: 'reviewer',
    method: 'GET',
    path: `${V1}/associations?pageSize=200`,
    status: 200,
    why: 'sees every association',
    check: (res, w) => expect(idsOf(res)).toEqual(expect.arrayContaining([w.ids.A, w.ids.B])),
  },
  ...scopeRows('reviewer', [
    ['GET', `${V1}/associations/{B}`, 200],
    ['GET', `${V1}/enterprises/{EB}`, 403],
  ]),
  ...scopeRows('dept_staff', [
    ['GET', `${V1}/associations/{B}/members`, 200],
    ['GET', `${V1}/enterprises/{EB}`, 200],
    ['GET', `${V1}/enterprises/{X}`, 404],
  ]),
  {
    role: 'dept_staff',
    method: 'POST',
    path: `${V1}/users`,
    status: 403,
    body: enterpriseUserFor('EA'),
    check: refusedWritesLeaveNoTrace('POST', `${V1}/users`),
  },
  ...scopeRows('dept_admin', [
    ['GET', `${V1}/associations/{X}`, 404],
    ['GET', `${V1}/clusters/{X}`, 404],
    ['GET', `${V1}/enterprises/{X}`, 404],
    ['GET', `${V1}/associations/{X}/members`, 404],
  ]),
];

function scopeRows(role: RoleKey, rows: [Method, string, number][]): Row[] {
  return rows.map(([method, path, status]) => ({ role, method, path, status }));
}

function fill(path: string, w: World): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_m, key: string) =>
    key === 'X'
      ? '00000000-0000-4000-8000-000000000000'
      : key === 'Y'
        ? '2026'
        : w.ids[key as keyof World['ids']],
  );
}

/** Route keys declared by the controllers' decorators, read from the source like a reviewer would. */
function routesInControllers(): string[] {
  const root = join(__dirname, '..', 'apps', 'api', 'src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.controller.ts')) files.push(full);
    }
  };
  walk(root);
  const routes: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const part of source.split(/@Controller\(/).slice(1)) {
      const base = /^'([^']*)'/.exec(part)?.[1] ?? '';
      const prefix = base === 'health' ? '' : V1;
      for (const m of part.matchAll(/@(Get|Post|Patch|Put|Delete)\((?:'([^']*)')?\)/g)) {
        const sub = m[2] ?? '';
        const path = [prefix, base, sub].filter(Boolean).join('/').replace(/^\/?/, '/');
        routes.push(routeOf(m[1].toUpperCase(), path.replace(/:([A-Za-z]+)/g, '{$1}')));
      }
    }
  }
  return routes;
}

describe('role × route matrix (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  const w = {} as World;
  const call = (method: string, path: string) => {
    const agent = t.http();
    if (method === 'GET') return agent.get(path);
    if (method === 'POST') return agent.post(path);
    if (method === 'PATCH') return agent.patch(path);
    if (method === 'PUT') return agent.put(path);
    throw new Error(`no matrix support for ${method} yet: add it here and rows for the route`);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const adminToken = await t.login();
    const make = new Factories(t, adminToken);
    const [c, ca, cb] = [await make.cluster(), await make.cluster(), await make.cluster()];
    const a: AssociationBody = await make.association({ leadClusterIds: [ca.id] });
    const b: AssociationBody = await make.association({ leadClusterIds: [cb.id] });
    const ea: EnterpriseBody = await make.memberEnterprise(a.id, { contactPhone: '13812345678' });
    const eb: EnterpriseBody = await make.memberEnterprise(b.id, { contactPhone: '13987654321' });
    w.make = make;
    const created = async (path: string, body: object, status: number) => {
      const res = await t.http().post(path).set('Authorization', `Bearer ${adminToken}`).send(body);
      if (res.status !== status) throw new Error(`setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const w0 = { ids: { EA: ea.id } } as World;
    const p = await created(`${V1}/postings`, postingBody(w0), 201);
    const pb = await created(`${V1}/postings`, { ...postingBody(w0), enterpriseId: eb.id }, 201);
    const r = await created(`${V1}/match-runs`, { scope: 'all' }, 202);
    const w1 = { ids: { A: a.id, C: c.id, EA: ea.id } } as World;
    const ev = await created(`${V1}/events`, { ...eventBody(w1), status: 'open' }, 201);
    const evb = await created(`${V1}/events`, { ...eventBody(w1), associationId: b.id, status: 'open' }, 201);
    const pt = await created(`${V1}/events/${ev}/participants`, { enterpriseId: ea.id, role: 'buyer' }, 201);
    await created(`${V1}/events/${evb}/participants`, { enterpriseId: eb.id, role: 'buyer' }, 201);
    const inA = await created(`${V1}/intents`, intentBody(w1), 201);
    const inB = await created(`${V1}/intents`, { ...intentBody(w1), enterpriseId: eb.id }, 201);
    w.ids = {
      A: a.id,
      B: b.id,
      EA: ea.id,
      EB: eb.id,
      C: c.id,
      CA: ca.id,
      CB: cb.id,
      P: p,
      PB: pb,
      R: r,
      EV: ev,
      EVB: evb,
      PT: pt,
      IN: inA,
      INB: inB,
      KE: 'enterprises',
      KM: 'members',
    };
    w.users = {
      dept_admin: await make.user('dept_admin'),
      dept_staff: await make.user('dept_staff'),
      association_staff: await make.user('association_staff', { associationId: a.id }),
      enterprise_user: await make.user('enterprise_user', { enterpriseId: ea.id }),
      reviewer: await make.user('reviewer'),
    };
    w.others = {
      staffB: await make.user('association_staff', { associationId: b.id }),
      userEB: await make.user('enterprise_user', { enterpriseId: eb.id }),
    };
    w.tokens = {} as World['tokens'];
    for (const role of ROLES) w.tokens[role] = await w.users[role].login();
    w.admin = (method, path, body) => {
      const req = call(method, path).set('Authorization', `Bearer ${adminToken}`);
      return body ? req.send(body) : req;
    };
  });
  afterAll(() => t.close());

  it.each(MATRIX)('$role $method $path → $status', async (row) => {
    const path = fill(row.path, w);
    const body = row.body ? await row.body(w, row.role) : undefined;
    let req = call(row.method, path).set('Authorization', `Bearer ${w.tokens[row.role]}`);
    if (body) req = req.send(body);
    const res = await req;
    if (res.status !== row.status) {
      throw new Error(
        `${row.role} ${row.method} ${path}${row.why ? ` (${row.why})` : ''}: expected ${row.status}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    if (res.status >= 400) expect(res.body.statusCode).toBe(row.status);
    await row.check?.(res, w, body);
  });

  it.each(ROUTES.filter((r) => !PUBLIC_ROUTES.has(r)))('%s without a token → 401', async (route) => {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{id\}/g, randomUUID());
    const bare = await call(method, path).send({});
    expect(bare.status).toBe(401);
    expect(bare.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const forged = await call(method, path).set('Authorization', 'Bearer forged.token.here').send({});
    expect(forged.status).toBe(401);
    const wrongScheme = await call(method, path)
      .set('Authorization', `Basic ${w.tokens.dept_admin}`)
      .send({});
    expect(wrongScheme.status).toBe(401);
  });

  it('answers the public routes without a token', async () => {
    await t.http().get('/health').expect(200);
    // Login needs no token: an empty body is a 400 from validation, not a 401 from the guard.
    const res = await t.http().post(`${V1}/auth/login`).send({}).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
  });

  it('has rows for every role on every route in ROUTES', () => {
    const missing: string[] = [];
    for (const route of ROUTES) {
      for (const role of ROLES) {
        if (!MATRIX.some((r) => r.role === role && routeOf(r.method, r.path) === route))
          missing.push(`${role} ${route}`);
      }
    }
    expect(missing).toEqual([]);
    const unknown = MATRIX.map((r) => routeOf(r.method, r.path)).filter(
      (route) => !(ROUTES as readonly string[]).includes(route),
    );
    expect(unknown).toEqual([]);
  });

  it('covers every route of the OpenAPI document, and lists no route the document lacks', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const documented: string[] = [];
    for (const [path, item] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        if (['get', 'post', 'patch', 'put', 'delete'].includes(method))
          documented.push(`${method.toUpperCase()} ${path.replace(/\{[A-Za-z]+\}/g, '{id}')}`);
      }
    }
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((r) => !(ROUTES as readonly string[]).includes(r))).toEqual([]);
    expect(ROUTES.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('covers every route declared in apps/api/src/**/*.controller.ts', () => {
    const declared = routesInControllers();
    expect(declared.length).toBeGreaterThanOrEqual(ROUTES.length);
    expect(declared.filter((r) => !(ROUTES as readonly string[]).includes(r))).toEqual([]);
    expect(ROUTES.filter((r) => !declared.includes(r))).toEqual([]);
  });
});
