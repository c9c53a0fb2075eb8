import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { shoot } from './support/screens';
import { apiCall, apiLogin, signIn } from './support/session';

test.describe('department', () => {
  test('the cluster catalogue lists 22 clusters with their lead associations', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/clusters');
    await expect(page.getByText('共 22 条')).toBeVisible();
    await expect(page.getByRole('cell', { name: '数控机床产业集群' })).toBeVisible();
    await expect(page.getByRole('cell', { name: '辽宁省机床行业协会' })).toBeVisible();
    await page.getByText('只看无牵头协会').click();
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByText('未设牵头协会').first()).toBeVisible();
    await shoot(page, 'dept-clusters-desktop');
  });

  test('the lead mapping shows every cluster and the two without a lead', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/leads');
    await expect(page.getByText('共 22 条')).toBeVisible();
    await expect(page.getByText('无牵头协会的集群：2')).toBeVisible();
    await page.getByRole('button', { name: '设置牵头协会' }).first().click();
    await expect(page.getByRole('dialog')).toContainText('一个集群最多一个牵头协会');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  test('associations: 49, searchable, with lead clusters and masked phones', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/associations');
    await expect(page.getByText('共 49 条')).toBeVisible();
    await page.getByPlaceholder('名称、标题或编码').fill('机床');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByRole('cell', { name: '辽宁省机床行业协会' })).toBeVisible();
    await expect(page.getByText('数控机床产业集群')).toBeVisible();
    await shoot(page, 'dept-associations-desktop');
  });

  test('enterprises: 400, filtered by city, phones masked by the API', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/enterprises');
    await expect(page.getByText('共 400 条')).toBeVisible();
    const phones = await page
      .locator('td')
      .filter({ hasText: /^\d{3}\*{4}\d{4}$/ })
      .count();
    expect(phones).toBeGreaterThan(0);
    await page
      .locator('.search-form .el-form-item')
      .filter({ hasText: '所在地区' })
      .locator('.el-select')
      .click();
    await page.getByRole('option', { name: '大连市（210200）' }).click();
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByText('共 400 条')).toHaveCount(0);
    await expect(page.locator('.el-table__row').first()).toBeVisible();
    await shoot(page, 'dept-enterprises-desktop');
  });

  test('a reviewer reads the catalogue without edit buttons', async ({ page }) => {
    await signIn(page, 'demo_reviewer');
    await page.goto('/dept/clusters');
    await expect(page.getByText('共 22 条')).toBeVisible();
    await expect(page.getByRole('button', { name: '新增集群' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
    await page.goto('/dept/enterprises');
    await expect(page).toHaveURL(/\/dept\/dashboard$/);
  });

  test('the admin sees the audit log and the users', async ({ page }) => {
    await signIn(page, 'demo_admin');
    await page.goto('/dept/users');
    await expect(page.getByRole('cell', { name: 'demo_assoc', exact: true })).toBeVisible();
    await page.goto('/dept/audit');
    await expect(page.locator('.el-table')).toBeVisible();
    await expect(page.locator('.el-pagination')).toContainText('共');
  });

  test('match runs: the nightly schedule, a cluster and a full re-match followed to the end', async ({
    page,
  }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/match-runs');
    await expect(page.getByTestId('nightly')).toContainText('每天 02:00（北京时间）自动重新计算全部推荐');
    await expect(page.getByTestId('nightly')).toContainText('下次运行：');
    await page.locator('.toolbar .el-select').click();
    await page.getByRole('option', { name: '数控机床产业集群' }).click();
    await page.getByRole('button', { name: '按集群重新匹配' }).click();
    const clusterRun = page.locator('.el-table__row', { hasText: '集群：数控机床产业集群' });
    await expect(clusterRun).toContainText('手动：demo_staff');
    // the page follows the run until it ends, without a reload
    await expect(clusterRun).toContainText('已完成', { timeout: 30_000 });
    await expect(clusterRun).toContainText(/\d+ 条供需 · \d+ 条推荐/);
    await page.getByRole('button', { name: '全量重新匹配' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    const fullRun = page.locator('.el-table__row', { hasText: '全部供需' });
    await expect(fullRun).toContainText('已完成', { timeout: 30_000 });
    // searched by what a run matched
    await page.getByPlaceholder('发起人、集群或活动名称').fill('数控机床产业集群');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.locator('.el-table__row')).toHaveCount(1);
    await expect(clusterRun).toBeVisible();
    await shoot(page, 'dept-match-runs-desktop');
  });

  test('the dashboard never shows a blank page', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/dashboard');
    await expect(page.getByTestId('dashboard')).toContainText('年度主要指标');
    await expect(page.getByText('14 市企业分布排名')).toBeVisible();
    await expect(page.locator('.chart-panel canvas').first()).toBeVisible();
  });

  test('the dashboard shows the year against target, charts and attention lists', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/dashboard');
    await expect(page.getByTestId('dashboard')).toContainText('已举办活动');
    await expect(page.getByText('该功能的服务接口尚未开放')).toHaveCount(0);
    await expect(page.getByTestId('attention')).toContainText('无牵头协会的集群（2）');
    await expect(page.locator('.chart-panel canvas')).not.toHaveCount(0);
    await expect(page.getByTestId('by-event-type')).toContainText('按活动类型');
    await page.waitForTimeout(600);
    await shoot(page, 'dept-dashboard-desktop');
  });

  test('the admin sets the year targets and the dashboard shows actual against them', async ({ page }) => {
    await signIn(page, 'demo_admin');
    await page.goto('/dept/targets');
    await expect(page.getByTestId('targets')).toContainText('实际完成');
    const targets = { events: '150', enterprisesServed: '420', intents: '160' };
    for (const [key, value] of Object.entries(targets)) {
      const input = page.getByTestId(`target-${key}`).locator('input');
      await input.fill(value);
      await input.blur();
    }
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(page.getByTestId('targets')).toContainText('按今日应完成');

    await page.goto('/dept/dashboard');
    const events = page.getByTestId('stat-已举办活动');
    await expect(events).toContainText('目标 150');
    await expect(events.getByTestId('target-expected')).toContainText('应完成');
    await expect(events.getByTestId('target-progress')).toBeVisible();
    await expect(page.getByTestId('stat-服务企业')).toContainText('目标 420');
    await expect(page.getByTestId('stat-合作意向')).toContainText('目标 160');
    await expect(page.getByText('未设目标')).toHaveCount(0);
    await expect(page.locator('.chart-panel canvas')).not.toHaveCount(0);
    await page.waitForTimeout(600);
    await shoot(page, 'dept-dashboard-target-desktop', 'department-dashboard-desktop');
  });

  test('a list exports in the background and downloads from the download centre', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/enterprises');
    await expect(page.getByText('共 400 条')).toBeVisible();
    // 400 rows download at once; the drop-down's 后台导出 queues the export whatever the size.
    await page.getByTestId('export-button').locator('.el-dropdown__caret-button').click();
    await page.getByRole('menuitem', { name: '后台导出' }).click();
    await expect(page.getByTestId('export-queued')).toContainText('已转入后台导出，可在下载中心查看进度');
    await page.getByTestId('download-centre-link').click();
    await expect(page).toHaveURL(/\/downloads$/);
    const row = page.getByTestId('downloads-table').locator('.el-table__row').first();
    await expect(row).toContainText('企业名录');
    await expect(row).toContainText('已完成', { timeout: 30_000 });
    await expect(row.locator('td').nth(2)).toHaveText('400');
    await shoot(page, 'dept-downloads-desktop');
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: '下载' }).click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  test('staff enter a posting collected on paper for an enterprise, publish it and close it', async ({
    page,
    request,
  }) => {
    const staff = await apiLogin(request, 'demo_staff');
    const [enterprise] = (
      await apiCall<{ items: { name: string }[] }>(request, staff, 'GET', '/enterprises?pageSize=1')
    ).items;
    await signIn(page, 'demo_staff');
    await page.goto('/dept/postings');
    await expect(page.locator('.el-pagination')).toContainText('共');
    await page.getByRole('button', { name: '录入供需' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('posting-enterprise').click();
    await page.keyboard.type(enterprise.name.slice(0, 6));
    await page.getByRole('option', { name: enterprise.name }).click();
    await dialog.getByText('供给', { exact: true }).click();
    const title = '展会现场收集：数控刀具修磨服务（浏览器测试）';
    await dialog.getByPlaceholder('标题为 4–100 个字符').fill(title);
    await dialog.getByPlaceholder('多个关键词用逗号或空格分隔').fill('数控刀具，刀具修磨');
    await shoot(page, 'dept-posting-dialog-desktop');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const entered = page.locator('.el-table__row').filter({ hasText: title });
    await expect(entered).toContainText(enterprise.name);
    await expect(entered).toContainText('已发布');
    // a correction keeps the enterprise and the kind, which the dialog shows but does not let change
    await entered.getByRole('button', { name: '编辑' }).click();
    await expect(dialog.getByTestId('posting-enterprise')).toContainText(enterprise.name);
    const corrected = '展会现场收集：数控刀具修磨及涂层服务（浏览器测试）';
    await dialog.getByPlaceholder('标题为 4–100 个字符').fill(corrected);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const row = page.locator('.el-table__row').filter({ hasText: corrected });
    await expect(row).toContainText('已发布');
    await row.getByRole('button', { name: '查看推荐' }).click();
    await expect(page.getByRole('dialog', { name: '查看推荐' })).toContainText(corrected);
    await shoot(page, 'dept-posting-matches-desktop');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '查看推荐' })).toBeHidden();
    await shoot(page, 'dept-postings-desktop');
    await row.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(row).toContainText('已关闭');
    await expect(row.getByRole('button', { name: '重新发布' })).toBeVisible();
  });

  test('lists export to Excel', async ({ page }) => {
    await signIn(page, 'demo_staff');
    await page.goto('/dept/clusters');
    await expect(page.getByText('共 22 条')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });
});
