/**
 * Screenshots of the dashboards and the portal's open data page at 1366×768 into .tmp/screens/ (a script, not a test):
 *   flock /tmp/cpaudit-web.lock sh -c 'npx vite build --logLevel warn && npx tsx test/e2e/screenshots-dashboards.ts'
 */
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn, shot } from './support';

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const city = await newContext(browser, server.url);
    const page = await city.newPage();
    await signIn(page, 'city');
    await page.goto('/dashboards');
    await page.locator('[data-chart="district-map"] canvas').waitFor();
    await shot(page, 'h7-01-city-dashboard');
    await shot(page, 'h7-02-city-dashboard-full', true);
    await page.getByTestId('chart-card-map').getByText('表格').click();
    await page.getByTestId('chart-card-progress').getByText('表格').click();
    await shot(page, 'h7-03-city-dashboard-tables', true);
    await page.goto('/dashboards?year=2021');
    await page.locator('[data-chart="district-map"] canvas').waitFor();
    await shot(page, 'h7-04-city-dashboard-2021', true);
    await page.goto('/rounds?listingYear=2021&progress=evaluated');
    await page.getByTestId('drill-filters').waitFor();
    await shot(page, 'h7-05-round-list-drill');
    await city.close();

    const district = await newContext(browser, server.url);
    const dpage = await district.newPage();
    await signIn(dpage, 'yubei');
    await dpage.goto('/dashboards');
    await dpage.locator('[data-chart="district-map"] canvas').waitFor();
    await shot(dpage, 'h7-06-district-dashboard', true);
    await district.close();

    const en = await newContext(browser, server.url, 'en');
    const epage = await en.newPage();
    await epage.goto('/portal/open-data');
    await epage.getByTestId('open-data-lists').waitFor();
    await shot(epage, 'h7-07-open-data-en', true);
    await en.close();

    const visitor = await newContext(browser, server.url);
    const vpage = await visitor.newPage();
    await vpage.goto('/portal/open-data');
    await vpage.getByTestId('open-data-lists').locator('.ant-table-row').first().waitFor();
    await shot(vpage, 'h7-08-open-data', true);
    await visitor.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
