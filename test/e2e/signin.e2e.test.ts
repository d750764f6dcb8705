import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './suite';
import { browserAvailable } from './support';

describe.skipIf(!browserAvailable())('sign-in page', () => {
  const e2e = useServerAndBrowser();

  it('switches to English with the language menu', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: '清洁生产审核信息系统' }).waitFor();
    expect(await page.getByText('重庆市生态环境局').first().isVisible()).toBe(true);

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.getByRole('heading', { name: 'Cleaner Production Audit Information System' }).waitFor();
    expect(await page.getByLabel('Username', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel('Password', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // A wrong password is answered in the chosen language.
    await page.getByLabel('Username', { exact: true }).fill('city');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();

    // The choice survives a reload.
    await page.reload();
    await page.getByLabel('Username', { exact: true }).waitFor();
    await context.close();
  });
});
