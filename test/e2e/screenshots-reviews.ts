/**
 * Screenshots of the expert review pages at 1366×768 into .tmp/screens/ (a script, not a test):
 *   npx vite build && npx tsx test/e2e/screenshots-reviews.ts
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn } from './support';

const OUT = path.resolve('.tmp/screens');

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`saved ${name}.png`);
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const expert = await newContext(browser, server.url);
    const page = await expert.newPage();
    await signIn(page, 'expert1');
    await page.goto('/reviews');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'v01-my-reviews');
    await page.goto('/reviews?filter=open');
    await page.locator('.ant-table-row a').last().click();
    await page.getByTestId('running-total').waitFor();
    await shot(page, 'v02-scoring-page');
    await expert.close();

    const district = await newContext(browser, server.url);
    const districtPage = await district.newPage();
    await signIn(districtPage, 'yubei');
    await districtPage.goto('/rounds');
    await districtPage.getByRole('row').filter({ hasText: '重庆华鑫表面处理有限公司' }).getByRole('link').first().click();
    await districtPage.getByRole('tab', { name: '专家评审' }).click();
    await districtPage.getByTestId('panel-result').waitFor();
    await shot(districtPage, 'v03-round-panel-result');
    await district.close();

    const admin = await newContext(browser, server.url);
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin');
    await adminPage.goto('/score-sheets');
    await adminPage.locator('.ant-table-row').first().waitFor();
    await shot(adminPage, 'v04-score-sheets');
    await admin.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
