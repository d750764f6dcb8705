/**
 * Screenshots of the main pages at 1366×768 into .tmp/screens/ (a script, not a test):
 *   npx vite build && npx tsx test/e2e/screenshots.ts
 */
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn, shot } from './support';



async function switchLanguage(page: Page, label: '简体中文' | 'English'): Promise<void> {
  await page.getByTestId('language-switch').first().click();
  await page.getByRole('menuitem', { name: label }).click();
}

/** More pages, for reviewing the UI (EXTRA_SCREENS=1). */
async function extras(adminPage: Page, browser: Browser, url: string): Promise<void> {
  await adminPage.getByRole('button', { name: '校验哈希链' }).click();
  await adminPage.getByText('哈希链完整').waitFor();
  await shot(adminPage, 'x01-audit-verify');
  await adminPage.getByRole('button', { name: /确\s*定/ }).click();
  await adminPage.goto('/users');
  await adminPage.getByRole('button', { name: '新增用户' }).click();
  const dialog = adminPage.getByRole('dialog');
  await dialog.getByLabel('角色', { exact: true }).click();
  await adminPage.locator('.ant-select-item-option[title="区县工作人员"]').click();
  await dialog.getByLabel('所属机构', { exact: true }).click();
  await shot(adminPage, 'x02-user-create');
  await adminPage.keyboard.press('Escape');
  await adminPage.keyboard.press('Escape');
  await adminPage.goto('/no-such-page');
  await shot(adminPage, 'x03-404');
  await adminPage.goto('/');
  await shot(adminPage, 'x04-home-admin');

  const ent = await newContext(browser, url);
  const page = await ent.newPage();
  await signIn(page, 'ent1');
  await shot(page, 'x05-home-enterprise');
  await page.getByRole('menuitem', { name: '本企业信息' }).click();
  await page.getByText('基本信息').waitFor();
  await shot(page, 'x06-my-enterprise');
  await page.getByRole('button', { name: '修改联系人' }).click();
  await page.getByText('联系人信息').first().waitFor();
  await shot(page, 'x07-edit-contacts');
  await page.goto('/users');
  await shot(page, 'x08-403');
  await page.goto('/change-password');
  await shot(page, 'x09-change-password');
  await switchLanguage(page, 'English');
  await page.goto('/my-enterprise');
  await page.getByText('Basic information').waitFor();
  await shot(page, 'x10-detail-en');
  await ent.close();
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();

    await page.goto('/login');
    await shot(page, '01-login-zh');
    await switchLanguage(page, 'English');
    await page.getByText('Sign in').first().waitFor();
    await shot(page, '02-login-en');
    await switchLanguage(page, '简体中文');

    await signIn(page, 'city');
    await shot(page, '03-home-zh');
    await page.goto('/enterprises');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, '04-enterprises-zh');

    await switchLanguage(page, 'English');
    await page.getByText('Enterprises').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, '05-enterprises-en');
    await switchLanguage(page, '简体中文');

    await page.locator('.ant-table-row a').first().click();
    await page.getByText('基本信息').waitFor();
    await shot(page, '06-enterprise-detail');

    await page.goto('/enterprises/new');
    await page.getByLabel('企业名称', { exact: true }).fill('重庆示例化工有限公司');
    await page.getByLabel('统一社会信用代码', { exact: true }).fill('91500112MA5U7K2H1Y');
    await page.getByLabel('法定代表人', { exact: true }).fill('张伟');
    await page.getByLabel('地址', { exact: true }).fill('重庆市渝北区空港大道 88 号');
    await page.getByLabel('所在区县', { exact: true }).click();
    await page.keyboard.type('渝北');
    await page.keyboard.press('Enter');
    await page.getByLabel('所属行业', { exact: true }).click();
    await page.keyboard.type('26 化学');
    await page.keyboard.press('Enter');
    await page.getByLabel('联系人', { exact: true }).fill('李娜');
    await page.getByLabel('联系电话', { exact: true }).fill('1380013');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('无效：校验码错误').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '07-enterprise-create-error');
    await context.close();

    const admin = await newContext(browser, server.url);
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin');
    await adminPage.goto('/users');
    await adminPage.locator('.ant-table-row').first().waitFor();
    await shot(adminPage, '08-users');
    await adminPage.goto('/audit');
    await adminPage.locator('.ant-table-row').first().waitFor();
    const expandable = adminPage.locator('.ant-table-row-expand-icon-collapsed').first();
    if (await expandable.count()) await expandable.click();
    await shot(adminPage, '09-audit');
    if (process.env.EXTRA_SCREENS) await extras(adminPage, browser, server.url);
    await admin.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
