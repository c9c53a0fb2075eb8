import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { shoot } from './support/screens';
import { apiCall, apiLogin, signIn } from './support/session';

interface Member {
  enterpriseId: string;
  creditCode: string;
}

test.describe('association', () => {
  test('lands on its own overview with the figures by event type', async ({ page }) => {
    await signIn(page, 'demo_assoc');
    await page.goto('/');
    await expect(page).toHaveURL(/\/assoc\/dashboard$/);
    const board = page.getByTestId('assoc-dashboard');
    await expect(board).toContainText('本会工作概况');
    await expect(board).toContainText('已举办活动');
    await expect(page.getByTestId('by-event-type')).toContainText('按活动类型');
    await expect(page.getByTestId('by-event-type').locator('canvas, .el-empty').first()).toBeVisible();
    await expect(page.locator('.chart-panel canvas')).not.toHaveCount(0);
    await page.waitForTimeout(600);
    await shoot(page, 'assoc-dashboard-desktop');
  });

  test('views its members with masked phones and searches them', async ({ page }) => {
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/members');
    const table = page.getByTestId('members-table');
    await expect(page.getByText('共 18 条')).toBeVisible();
    await expect(table.getByText('瓦房店鼎盛机床附件有限公司')).toBeVisible();
    expect(
      await table
        .locator('td')
        .filter({ hasText: /^\d{3}\*{4}\d{4}$/ })
        .count(),
    ).toBeGreaterThan(0);
    await shoot(page, 'assoc-members-desktop');
    await page.getByPlaceholder('名称、标题或编码').fill('鼎盛');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByText('共 18 条')).toHaveCount(0);
    for (const name of await table.locator('.el-table__row td:nth-child(2)').allInnerTexts())
      expect(name).toContain('鼎盛');
  });

  test('opens the recommendations of its members', async ({ page }) => {
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/recommendations');
    await expect(page.getByText('请选择一条供需查看推荐')).toBeVisible();
    await expect(page.locator('.el-pagination')).toContainText('共');
  });

  test('finds the words its members use that the dictionary cuts into characters', async ({
    page,
    request,
  }) => {
    const assoc = await apiLogin(request, 'demo_assoc');
    const members = await apiCall<{ items: Member[] }>(
      request,
      assoc,
      'GET',
      `/associations/${assoc.user.associationId}/members?pageSize=2`,
    );
    // two published postings stay in the demo database and are matched like any other
    for (const [i, member] of members.items.entries()) {
      await apiCall(request, assoc, 'POST', '/postings', {
        enterpriseId: member.enterpriseId,
        kind: 'demand',
        category: 'product',
        title: `求购镍钴锰三元材料（浏览器测试${i + 1}）`,
        status: 'published',
      });
    }
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/dictionary-gaps');
    await expect(page.getByTestId('gap-scope')).toContainText('已分析最新');
    const row = page.locator('.el-table__row').filter({ hasText: '镍钴锰' });
    await expect(row).toContainText('镍钴锰 30000 n');
    await expect(row).toContainText('浏览器测试1');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^词典待补充词语-.*\.xlsx$/);
    await shoot(page, 'assoc-dictionary-gaps-desktop');
  });

  test('sees its members’ postings only, under 供需信息', async ({ page, request }) => {
    const assoc = await apiLogin(request, 'demo_assoc');
    const members = await apiCall<{ items: { enterpriseName: string }[] }>(
      request,
      assoc,
      'GET',
      `/associations/${assoc.user.associationId}/members?pageSize=200`,
    );
    const names = new Set(members.items.map((m) => m.enterpriseName));
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/postings');
    await expect(page.locator('.el-table__row').first()).toBeVisible();
    const shown = await page.locator('.el-table__row td:nth-child(3)').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const name of shown) expect(names.has(name.trim())).toBe(true);
  });

  test('imports members from Excel with a row-by-row report', async ({ page }) => {
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/members');
    await page.getByRole('button', { name: '导入' }).click();
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载导入模板' }).click();
    const path = join(test.info().outputDir, 'members.xlsx');
    await (await template).saveAs(path);
    await page.getByTestId('import-file').setInputFiles(path);
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByTestId('job-progress')).toContainText('已完成', { timeout: 30_000 });
    await expect(page.getByTestId('job-progress')).toContainText('拒绝');
  });

  test('runs an event from planning to meetings and outcomes', async ({ page, request }) => {
    test.setTimeout(90_000);
    const assoc = await apiLogin(request, 'demo_assoc');
    const members = await apiCall<{ items: Member[] }>(
      request,
      assoc,
      'GET',
      `/associations/${assoc.user.associationId}/members?pageSize=12`,
    );
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/events');
    await page.getByRole('button', { name: '新建活动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('活动名称').fill('数控机床产业链供需对接会（浏览器测试）');
    await dialog.locator('.el-form-item').filter({ hasText: '涉及集群' }).locator('.el-select').click();
    await page.getByRole('option', { name: '数控机床产业集群' }).click();
    await dialog.getByText('活动名称').click();
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByPlaceholder('开始日期').fill(day);
    await dialog.getByPlaceholder('结束日期').fill(day);
    await dialog.getByPlaceholder('结束日期').press('Enter');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page).toHaveURL(/\/assoc\/events\/[0-9a-f-]+$/);

    await page.getByRole('button', { name: '推进到「报名中」' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.locator('.el-descriptions')).toContainText('报名中');
    await page.getByRole('tab', { name: '参会企业' }).click();
    await page.getByRole('button', { name: '按信用代码批量登记' }).click();
    const codes = members.items.map((m) => m.creditCode);
    await page.getByPlaceholder('每行一个统一社会信用代码').fill([...codes, '91110000710925462X'].join('\n'));
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByText(`已登记 ${codes.length} 家`)).toBeVisible();
    await page.locator('.el-dialog__footer:visible').getByRole('button', { name: '关闭' }).click();
    await page.getByRole('button', { name: '签到' }).first().click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('已签到').first()).toBeVisible();
    await shoot(page, 'assoc-event-participants-desktop');

    await page.getByRole('tab', { name: '匹配与排期' }).click();
    await page.getByRole('button', { name: '运行活动匹配' }).click();
    await expect(page.getByText(/匹配完成/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '生成一对一洽谈排期' }).click();
    await expect(page.getByRole('tab', { name: '洽谈安排' })).toHaveAttribute('aria-selected', 'true', {
      timeout: 30_000,
    });
    const meetings = page.locator('#pane-meetings');
    await expect(meetings.locator('.el-table__row').first()).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '按桌号打印日程' }).click();
    expect((await download).suggestedFilename()).toContain('.xlsx');
    const first = meetings.locator('.el-table__row').first();
    await first.getByRole('button', { name: '已洽谈' }).click();
    await expect(first.getByRole('button', { name: '已洽谈' })).toBeDisabled();
    await shoot(page, 'assoc-event-meetings-desktop');
  });

  test('advances an intent from 意向 to 签约', async ({ page, request }) => {
    const assoc = await apiLogin(request, 'demo_assoc');
    const members = await apiCall<{ items: Member[] }>(
      request,
      assoc,
      'GET',
      `/associations/${assoc.user.associationId}/members?pageSize=2`,
    );
    await apiCall(request, assoc, 'POST', '/intents', {
      enterpriseId: members.items[0].enterpriseId,
      counterpartName: '海南儋州某橡胶企业',
      title: '橡胶原料长期供应合作（浏览器测试）',
      amountWan: 300,
    });
    await signIn(page, 'demo_assoc');
    await page.goto('/assoc/intents');
    const row = page.locator('.el-table__row').filter({ hasText: '橡胶原料长期供应合作（浏览器测试）' });
    await row.getByRole('button', { name: '推进' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(row).toContainText('签约');
    await shoot(page, 'assoc-intents-desktop');
  });
});
