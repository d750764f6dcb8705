/**
 * Screenshots of the 统计汇总（附件3）page at 1366×768 into .tmp/screens/ (a script, not a test):
 *   npx vite build && npx tsx test/e2e/screenshots-statistics.ts
 * The district fills in and submits its 2021 summary; the city opens a figure's drill-down and reviews it.
 */
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn, shot } from './support';

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const city = await newContext(browser, server.url);
    const cityPage = await city.newPage();
    await signIn(cityPage, 'city');
    await cityPage.goto('/statistics/summary?year=2021');
    await cityPage.getByTestId('cell-total-listed').waitFor();
    await shot(cityPage, 's01-summary-city');
    await cityPage.getByTestId('head-economic').first().hover();
    await cityPage.locator('.ant-tooltip-inner').first().waitFor();
    await shot(cityPage, 's02-summary-tooltip');
    await cityPage.getByTestId('cell-total-unfinished').click();
    await cityPage.getByTestId('drill-figure').waitFor();
    await cityPage.locator('[data-testid="drill-table"] .ant-table-row').first().waitFor();
    await shot(cityPage, 's03-drill');

    const district = await newContext(browser, server.url);
    const page = await district.newPage();
    await signIn(page, 'yubei');
    await page.goto('/statistics/summary?year=2021&tab=submission');
    await page.getByTestId('narrative-mainPractices').waitFor();
    await page.getByTestId('narrative-mainPractices').fill('组织辖区重点企业开展清洁生产审核培训，推动无/低费方案边审核边实施。');
    await page.getByTestId('narrative-problems').fill('个别企业中/高费方案资金未落实，实施进度滞后。');
    await page.getByTestId('narrative-nextSteps').fill('督促企业按期完成验收，开展审核质量抽查。');
    await shot(page, 's04-submission-draft');
    await page.getByTestId('summary-submit').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('submission-state-submitted').waitFor();
    await shot(page, 's05-submission-submitted', true);
    await page.goto('/statistics/summary?year=2021');
    await page.getByTestId('cell-500112-listed').waitFor();
    await shot(page, 's06-summary-district');
    await district.close();

    await cityPage.goto('/statistics/summary?year=2021&tab=submissions');
    await cityPage.getByTestId('submissions-counts').waitFor();
    await cityPage.locator('[data-testid="submissions-table"] .ant-table-row').first().waitFor();
    await shot(cityPage, 's07-submissions-city');
    await cityPage.getByTestId('open-submission-500112').click();
    await cityPage.getByTestId('summary-return').waitFor();
    await shot(cityPage, 's08-review-drawer');
    await cityPage.getByTestId('summary-return').click();
    await cityPage.getByTestId('return-comment').fill('请补充中/高费方案资金落实情况的分析。');
    await shot(cityPage, 's09-return-modal');
    await city.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
