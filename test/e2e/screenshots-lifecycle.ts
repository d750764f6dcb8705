/**
 * Screenshots of the lifecycle pages at 1366×768 into .tmp/screens/ (a script, not a test):
 *   npx vite build && npx tsx test/e2e/screenshots-lifecycle.ts [prefix]
 * The optional prefix limits the shots to names starting with it (e.g. "p" for the portal).
 */
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn, shot } from './support';

const only = process.argv[2] ?? '';


type Scene = (browser: Browser, url: string) => Promise<void>;

async function as(browser: Browser, url: string, username: string | null, fn: (page: Page) => Promise<void>) {
  const context = await newContext(browser, url);
  const page = await context.newPage();
  if (username) await signIn(page, username);
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

async function openRoundTab(page: Page, enterprise: string, year: number, tab: string) {
  await page.goto(`/rounds?q=${encodeURIComponent(enterprise)}`);
  await page.getByRole('row').filter({ hasText: enterprise }).filter({ hasText: String(year) }).getByRole('link').first().click();
  await page.getByTestId('round-timeline').waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

const SCENES: Record<string, Scene> = {
  p1: (b, u) => as(b, u, null, async (page) => {
    await page.goto('/portal');
    await shot(page, 'p1-portal-home');
  }),
  p2: (b, u) => as(b, u, null, async (page) => {
    await page.goto('/portal/lists?year=2021');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'p2-portal-lists');
  }),
  p3: (b, u) => as(b, u, null, async (page) => {
    await page.goto('/portal/results');
    await shot(page, 'p3-portal-results');
    const link = page.locator('.ant-table-row a').first();
    if (await link.count()) {
      await link.click();
      await shot(page, 'p4-portal-round', true);
    }
  }),
  o1: (b, u) => as(b, u, 'yubei', async (page) => {
    await openRoundTab(page, '重庆华鑫表面处理有限公司', 2020, '清洁生产方案');
    await shot(page, 'o1-options-tab', true);
  }),
  s1: (b, u) => as(b, u, 'expert1', async (page) => {
    await page.goto('/reviews');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 's1-my-reviews');
    await page.getByRole('row').filter({ hasText: '重庆江东精细化工有限公司' }).getByText('打开').click();
    await page.waitForURL(/\/reviews\/.+/);
    await shot(page, 's2-scoring-page', true);
  }),
  s3: (b, u) => as(b, u, 'city', async (page) => {
    await page.goto('/score-sheets');
    await shot(page, 's3-score-sheets', true);
  }),
  r1: (b, u) => as(b, u, 'yubei', async (page) => {
    await page.goto('/rounds');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'r1-district-round-list');
    await page.goto('/');
    await shot(page, 'r2-district-home', true);
  }),
  r3: (b, u) => as(b, u, 'city', async (page) => {
    await openRoundTab(page, '重庆华鑫表面处理有限公司', 2020, '专家评审');
    await shot(page, 'r3-round-timeline-reviews', true);
    await page.getByRole('tab', { name: '评估与验收材料' }).click();
    await shot(page, 'r4-round-applications', true);
  }),
  n1: (b, u) => as(b, u, 'ent1', async (page) => {
    await page.goto('/notifications');
    await shot(page, 'n1-notifications');
    await page.goto('/');
    await shot(page, 'n2-enterprise-home');
  }),
  c1: (b, u) => as(b, u, 'yubei', async (page) => {
    await page.goto('/calendar?month=2021-03');
    await page.waitForTimeout(1000);
    await shot(page, 'c1-calendar-district', true);
  }),
  c2: (b, u) => as(b, u, 'city', async (page) => {
    await page.goto('/notifications');
    await page.locator('.ant-list-item, .ant-table-row').first().waitFor();
    await shot(page, 'c2-inbox-city');
  }),
  c3: (b, u) => as(b, u, 'admin', async (page) => {
    await page.goto('/mail-outbox');
    await page.waitForTimeout(1000);
    await shot(page, 'c3-mail-outbox');
    await page.goto('/reminder-settings');
    await page.waitForTimeout(800);
    await shot(page, 'c4-reminder-settings');
  }),
};

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [name, scene] of Object.entries(SCENES)) {
      if (name.startsWith(only)) await scene(browser, server.url);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
