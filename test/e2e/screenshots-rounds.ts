/**
 * Screenshots of the round pages at 1366×768 into .tmp/screens/ (a script, not a test):
 *   npx vite build && npx tsx test/e2e/screenshots-rounds.ts
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
    await page.getByTestId('round-counts').locator('.ant-statistic-content-value').first().waitFor();
    await shot(page, 'r01-home-district');
    await page.goto('/rounds');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'r02-rounds-district');
    await page.getByRole('row').filter({ hasText: '重庆华鑫表面处理有限公司' }).getByRole('link').first().click();
    await page.getByTestId('round-timeline').waitFor();
    await shot(page, 'r03-round-timeline');
    await district.close();

    const city = await newContext(browser, server.url);
    const cityPage = await city.newPage();
    await signIn(cityPage, 'city');
    await cityPage.goto('/campaigns');
    await cityPage.locator('.ant-table-row').first().waitFor();
    await cityPage.locator('.ant-table-row a').first().click();
    await cityPage.getByText('期限规则').first().waitFor();
    await shot(cityPage, 'r04-campaign');
    await cityPage.goto('/plan-entries');
    await cityPage.locator('.ant-table-row').first().waitFor();
    await shot(cityPage, 'r05-plan-list');
    await city.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
