import { BASE_URL, DEMO_PASSWORD } from './support/env';
import { expect, test, type Page } from './support/fixtures';
import { apiCall, apiLogin } from './support/session';
import { chineseGlyphsRender, PHONE, shoot } from './support/screens';

/** What each role's menu must and must not show after signing in on the login screen. */
const ROLES = [
  {
    user: 'demo_admin',
    home: /\/dept\/dashboard$/,
    shows: [
      '工作台',
      '产业集群目录',
      '集群牵头协会',
      '协会管理',
      '企业管理',
      '对接活动',
      '合作意向',
      '年度目标',
      '供需信息',
      '词典补充建议',
      '用户管理',
      '操作审计',
    ],
    hides: ['会员企业'],
  },
  {
    user: 'demo_staff',
    home: /\/dept\/dashboard$/,
    shows: [
      '工作台',
      '产业集群目录',
      '协会管理',
      '企业管理',
      '对接活动',
      '合作意向',
      '供需信息',
      '年度目标',
      '下载中心',
    ],
    hides: ['操作审计', '用户管理', '会员企业'],
  },
  {
    user: 'demo_reviewer',
    home: /\/dept\/dashboard$/,
    shows: ['工作台', '产业集群目录', '集群牵头协会', '协会管理'],
    hides: ['企业管理', '对接活动', '合作意向', '操作审计', '供需信息', '词典补充建议'],
  },
  {
    user: 'demo_assoc',
    home: /\/assoc\/dashboard$/,
    shows: [
      '本会概况',
      '会员企业',
      '供需信息',
      '对接活动',
      '匹配推荐',
      '合作意向',
      '词典补充建议',
      '下载中心',
    ],
    hides: ['工作台', '产业集群目录', '操作审计'],
  },
] as const;

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
}

test.describe('login', () => {
  for (const role of ROLES) {
    test(`${role.user} signs in and sees the role's menu`, async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByText('辽宁省产业集群对接服务平台')).toBeVisible();
      await submitLogin(page, role.user, DEMO_PASSWORD);
      await expect(page).toHaveURL(role.home);
      // Items inside closed sub-menus are in the DOM but hidden, so count them rather than look for them.
      const menu = page.getByTestId('side-menu');
      await expect(menu).toBeVisible();
      for (const item of role.shows) await expect(menu.getByText(item, { exact: true })).toHaveCount(1);
      for (const item of role.hides) await expect(menu.getByText(item, { exact: true })).toHaveCount(0);
      await expect(page.getByTestId('breadcrumb')).toContainText('首页');
    });
  }

  test('demo_ent signs in on a phone and lands on its postings', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/login');
    await submitLogin(page, 'demo_ent', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/m\/postings$/);
    const tabs = page.getByTestId('tabbar');
    for (const item of ['供需发布', '我的活动', '我的意向', '我的'])
      await expect(tabs.getByText(item, { exact: true })).toBeVisible();
    await expect(page.getByText('发布需求或供给')).toBeVisible();
  });

  test('the login page renders Chinese with a CJK font', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('h1')).toHaveText('集群链通');
    expect(await page.locator('body').innerText()).toContain('集群');
    expect(await chineseGlyphsRender(page)).toBe(true);
    await shoot(page, 'login-desktop');
  });

  test('a wrong password is refused in plain Chinese', async ({ page, guard }) => {
    guard.allow(/\/api\/v1\/auth\/login$/, 401);
    await page.goto('/login');
    await submitLogin(page, 'demo_staff', 'wrong-password-1');
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
    await expect(page).toHaveURL(/\/login/);
  });

  test('five wrong passwords lock the account (423) and the screen says so', async ({
    page,
    request,
    guard,
  }) => {
    guard.allow(/\/api\/v1\/auth\/login$/, 423);
    const admin = await apiLogin(request, 'demo_admin');
    const username = `locktest_${Date.now() % 100000}`;
    await apiCall(request, admin, 'POST', '/users', { username, password: 'Lock12345a', role: 'reviewer' });
    for (let i = 0; i < 5; i++) {
      const r = await request.post(`${BASE_URL}/api/v1/auth/login`, {
        data: { username, password: 'wrong-1234' },
      });
      expect(r.status()).toBe(401);
    }
    await page.goto('/login');
    await submitLogin(page, username, 'Lock12345a');
    await expect(page.getByTestId('login-error')).toContainText('锁定');
  });

  test('pages need a session and the wrong role is sent home', async ({ page }) => {
    await page.goto('/dept/audit');
    await expect(page).toHaveURL(/\/login\?redirect=/);
  });
});
