import { expect, test } from './support/fixtures';
import { PHONE, shoot } from './support/screens';
import { apiCall, apiLogin, signIn } from './support/session';

interface Member {
  enterpriseId: string;
}

const SUPPLIES = [
  {
    category: 'product',
    title: '供应五轴联动数控机床主轴及刀库部件',
    description: '专业生产五轴联动数控机床电主轴、刀库和转台部件，可按图定制，年产能 2000 套。',
    keywords: ['五轴联动', '数控机床', '电主轴', '刀库'],
  },
  {
    category: 'service',
    title: '提供数控机床精度检测与校准服务',
    description: '激光干涉仪检测数控机床定位精度，出具校准报告，覆盖沈阳、大连。',
    keywords: ['数控机床', '精度检测', '校准'],
  },
];

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

test.describe('enterprise on a phone', () => {
  test.beforeAll(async ({ request }) => {
    // Counterparts to be recommended: supplies of another member of demo_assoc's association.
    const assoc = await apiLogin(request, 'demo_assoc');
    const ent = await apiLogin(request, 'demo_ent');
    const members = await apiCall<{ items: Member[] }>(
      request,
      assoc,
      'GET',
      `/associations/${assoc.user.associationId}/members?pageSize=50`,
    );
    const other = members.items.find((m) => m.enterpriseId !== ent.user.enterpriseId);
    if (!other) throw new Error('demo association has no second member');
    for (const supply of SUPPLIES) {
      await apiCall(request, assoc, 'POST', '/postings', {
        ...supply,
        enterpriseId: other.enterpriseId,
        kind: 'supply',
        status: 'published',
      });
    }
  });

  test('posts a demand, sees explained recommendations and marks them', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, 'demo_ent');
    await page.goto('/m/postings');
    await expect(page.getByTestId('postings-page')).toBeVisible();
    await page.getByRole('button', { name: '发布需求或供给' }).click();
    await expect(page).toHaveURL(/\/m\/postings\/new$/);
    await page.getByRole('radio', { name: '需求' }).click();
    await page.getByRole('radio', { name: '物料/产品' }).click();
    await page.getByPlaceholder('标题为 4–100 个字符').fill('采购五轴联动数控机床主轴部件');
    await page
      .locator('textarea[name="description"]')
      .fill('为五轴联动数控机床配套采购电主轴和刀库部件，要求精度稳定，可批量供货。');
    await page.getByPlaceholder('多个关键词用逗号或空格分隔').fill('五轴联动，数控机床，电主轴');
    await shoot(page, 'ent-posting-form-phone');
    await page.getByRole('button', { name: '发布', exact: true }).click();

    await expect(page).toHaveURL(/\/m\/postings\/[0-9a-f-]+\/matches$/);
    const cards = page.getByTestId('match-card');
    await expect(cards.first()).toBeVisible({ timeout: 30_000 });
    await expect(cards.filter({ hasText: '供应五轴联动数控机床主轴及刀库部件' })).toBeVisible();
    await expect(cards.first().locator('.reasons li').first()).toBeVisible();
    await expect(page.getByText('推荐理由').first()).toBeVisible();
    await expect(page.locator('.van-toast')).toBeHidden();
    await shoot(page, 'ent-recommendations-phone', 'enterprise-recommendations-phone');

    const spindle = cards.filter({ hasText: '供应五轴联动数控机床主轴及刀库部件' });
    await spindle.getByRole('button', { name: '已联系' }).click();
    await expect(spindle).toContainText('已联系');
    await expect(spindle.getByRole('button', { name: '已联系' })).toBeDisabled();

    const service = cards.filter({ hasText: '提供数控机床精度检测与校准服务' });
    if ((await service.count()) > 0) {
      await service.getByRole('button', { name: '不相关' }).click();
      await page.getByRole('button', { name: '确认' }).click();
      await expect(service).toHaveCount(0);
    }

    await page.getByTestId('tabbar').getByText('供需发布').click();
    await expect(
      page.getByTestId('posting-card').filter({ hasText: '采购五轴联动数控机床主轴部件' }),
    ).toContainText('已发布');
    await shoot(page, 'ent-postings-phone');
  });

  test('a too-short title is refused on the form, in Chinese', async ({ page }) => {
    await signIn(page, 'demo_ent');
    await page.goto('/m/postings/new');
    await page.getByPlaceholder('标题为 4–100 个字符').fill('采购');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page.locator('.van-field__error-message')).toContainText('标题为 4–100 个字符');
    await expect(page).toHaveURL(/\/m\/postings\/new$/);
  });

  test('the profile page shows the enterprise with its masked phone', async ({ page }) => {
    await signIn(page, 'demo_ent');
    await page.goto('/m/me');
    await expect(page.getByText('瓦房店鼎盛机床附件有限公司')).toBeVisible();
    await shoot(page, 'ent-me-phone');
    await page.getByText('下载中心').click();
    await expect(page).toHaveURL(/\/m\/downloads$/);
    await expect(page.getByTestId('downloads-table')).toContainText('暂无导出记录');
  });

  test('my events and my meetings', async ({ page }) => {
    await signIn(page, 'demo_ent');
    await page.goto('/m/events');
    await expect(page.locator('.van-empty, .van-collapse')).toBeVisible();
    await shoot(page, 'ent-events-phone');
  });

  test('my intents', async ({ page }) => {
    await signIn(page, 'demo_ent');
    await page.goto('/m/intents');
    await expect(page.getByText('暂无合作意向').or(page.locator('.van-steps').first())).toBeVisible();
    await shoot(page, 'ent-intents-phone');
  });
});
