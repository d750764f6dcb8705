/** Shared browser helpers for the e2e tests and the screenshot script. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 };
export const DEMO_PASSWORD = 'Demo@2021';

/**
 * Whether browser tests can run. Without Chromium they are skipped locally (with a message),
 * but in CI (CI=true) a missing browser is an error.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}: the browser tests cannot be skipped in CI.`);
  }
  console.warn(`Skipping browser tests: Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another one).`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: VIEWPORT, locale, deviceScaleFactor: 1 });
}

/** Sign in through the sign-in page and wait for the workbench. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** Sign out through the user menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('button', { name: /登\s*录/ }).waitFor();
}

/** Open 企业名录 from the side menu and search by keyword. */
export async function searchEnterprises(page: Page, keyword: string): Promise<void> {
  await page.getByRole('menuitem', { name: '企业名录' }).click();
  await page.getByRole('heading', { name: '企业名录' }).waitFor();
  await page.getByLabel('关键词', { exact: true }).fill(keyword);
  await page.getByRole('button', { name: /查\s*询/ }).click();
}

/** Where the screenshot scripts write (git-ignored). */
export const SCREENS_DIR = path.resolve('.tmp/screens');

/** A screenshot of the settled page into SCREENS_DIR/<name>.png. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400); // let animations settle
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage });
  console.log(`saved ${name}.png`);
}
