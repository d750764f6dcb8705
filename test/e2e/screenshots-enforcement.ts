/**
 * Screenshots of the 执法与信用 pages and the 附件4 suggestions panel at 1366×768 into .tmp/screens/ (a script,
 * not a test):  npx vite build && npx tsx test/e2e/screenshots-enforcement.ts
 */
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn, shot } from './support';

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const district = await newContext(browser, server.url);
    const page = await district.newPage();
    await signIn(page, 'yubei');
    await page.goto('/enforcement/cases');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'h5-01-cases-district');
    await page.getByRole('button', { name: '登记案件' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('combobox', { name: '处理措施' }).click({ force: true });
    await page.getByTitle('罚款', { exact: true }).click();
    await shot(page, 'h5-02-case-form');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.goto('/enforcement/suggestions');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'h5-03-step-suggestions');
    await page.goto('/plan-entries');
    await page.getByText('系统建议纳入（附件4）').waitFor();
    await page.getByText('系统建议纳入（附件4）').scrollIntoViewIfNeeded();
    await shot(page, 'h5-04-plan-suggestions', true);
    await district.close();

    const city = await newContext(browser, server.url);
    const cityPage = await city.newPage();
    await signIn(cityPage, 'city');
    await cityPage.goto('/enforcement/cases');
    await cityPage.locator('.ant-table-row').first().waitFor();
    await shot(cityPage, 'h5-05-cases-city');
    await cityPage.goto('/enforcement/credit');
    await cityPage.locator('.ant-table-row').first().waitFor();
    await shot(cityPage, 'h5-06-credit');
    await cityPage.getByRole('button', { name: '导出信用记录' }).click();
    await cityPage.getByRole('dialog').waitFor();
    await shot(cityPage, 'h5-07-credit-export');
    await cityPage.goto('/enforcement/disclosure-scope');
    await cityPage.locator('.ant-table-row').first().waitFor();
    await shot(cityPage, 'h5-08-disclosure-scope');
    await cityPage.goto('/enforcement/suggestions');
    await cityPage.locator('.ant-table-row').first().waitFor();
    await shot(cityPage, 'h5-09-step-suggestions-city');
    await city.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
