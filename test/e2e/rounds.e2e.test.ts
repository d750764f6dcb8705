import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from './suite';
import { browserAvailable, signIn, signOut } from './support';

/** A year with no campaign and no entries in the demo data. */
const YEAR = 2027;
const ENTERPRISE = '重庆嘉美印务有限公司';

async function pickInSelect(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

describe.skipIf(!browserAvailable())('plan entry → approval → publication → round, in the browser', () => {
  const e2e = useServerAndBrowser();

  it('a district proposes, the city approves and publishes, the round shows with its timeline', async () => {
    const context = await e2e.context();
    let page = await context.newPage();

    // 渝北 proposes the enterprise for YEAR.
    await signIn(page, 'yubei');
    await page.getByRole('menuitem', { name: '审核计划' }).click();
    await page.getByRole('heading', { name: '审核计划' }).waitFor();
    await page.getByRole('button', { name: '申报计划条目' }).click();
    const dialog = page.getByRole('dialog');
    await pickInSelect(page, '企业', '嘉美印务');
    await dialog.getByLabel('重点行业').check();
    await dialog.getByLabel('双超').check();
    await dialog.getByLabel('计划审核年度', { exact: true }).fill(String(YEAR));
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText(`已申报：${ENTERPRISE}`).waitFor();
    await page.getByRole('row').filter({ hasText: String(YEAR) }).getByText('待核定').waitFor();
    await signOut(page);

    // The city creates the YEAR campaign, approves the entry and publishes the list.
    await signIn(page, 'city');
    await page.goto('/campaigns/new');
    await page.getByLabel('年度', { exact: true }).fill(String(YEAR));
    await page.getByLabel('标题', { exact: true }).fill(`重庆市${YEAR}年强制性清洁生产审核工作`);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`${YEAR} 年度工作已创建`).waitFor();

    await page.goto(`/plan-entries?plannedYear=${YEAR}`);
    const row = page.getByRole('row').filter({ hasText: ENTERPRISE });
    await row.getByRole('button', { name: '核定纳入' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已核定纳入').waitFor();
    await row.getByText('已核定').waitFor();

    await page.getByRole('button', { name: '公布名单' }).click();
    const publish = page.getByRole('dialog');
    await pickInSelect(page, '年度工作', String(YEAR));
    await expect.poll(() => publish.getByTestId('publish-count').textContent()).toContain('将有 1 个');
    await publish.getByRole('button', { name: /公\s*布/ }).click();
    await page.getByText('已公布 1 家企业').waitFor();
    await row.getByText('已公布').waitFor();
    await context.close();

    // 渝北 sees the round in state 市局核定公布 and its timeline.
    const district = await e2e.context();
    page = await district.newPage();
    await signIn(page, 'yubei');
    await page.getByRole('menuitem', { name: '审核轮次' }).click();
    await page.getByRole('heading', { name: '审核轮次' }).waitFor();
    await page.getByLabel('关键词', { exact: true }).fill('嘉美印务');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const roundRow = page.getByRole('row').filter({ hasText: String(YEAR) });
    await roundRow.getByText('市局核定公布').waitFor();
    await roundRow.getByRole('link', { name: ENTERPRISE }).click();
    const timeline = page.getByTestId('round-timeline');
    await timeline.getByText('公布名单').waitFor();
    expect(await timeline.textContent()).toContain('市局已核定（待公布） → 市局核定公布');
    await page.getByTestId('round-actions').getByRole('button', { name: '书面通知企业' }).waitFor();
    await district.close();
  });
});
