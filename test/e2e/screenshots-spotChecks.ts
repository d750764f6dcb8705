/**
 * Screenshots of spot checks and report-quality detection into .tmp/screens/ (a script, not a test):
 *   npx vite build && npx tsx test/e2e/screenshots-spotChecks.ts
 * The spot check of the demo rounds accepted in 2020 is created, drawn, checked and published through the API first.
 */
import { startServer } from '../helpers/server';
import { launchBrowser, newContext, signIn, shot } from './support';

interface Api {
  call: <T>(method: string, path: string, body?: unknown) => Promise<T>;
}

async function apiAs(base: string, username: string): Promise<Api> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2021' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    call: async <T,>(method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}/api${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

interface Item {
  id: string;
  districtCode: string;
}

async function main(): Promise<void> {
  const server = await startServer({ timeoutMs: 300_000 });
  const browser = await launchBrowser();
  try {
    const city = await apiAs(server.url, 'city');
    const created = await city.call<{ id: string }>('POST', '/spot-checks', {
      year: 2020,
      title: '2020年度通过验收的清洁生产审核质量抽查',
      sampleRatio: 1,
      stratified: true,
    });
    const drawn = await city.call<{ items: Item[] }>('POST', `/spot-checks/${created.id}/draw`, {});
    const [first, ...rest] = drawn.items;
    if (first) {
      await city.call('PUT', `/spot-checks/${created.id}/items/${first.id}/finding`, {
        result: 'problems',
        categories: ['options_not_implemented', 'data_not_true'],
        description: '中/高费方案“溶剂回收装置”未按审核报告实施，节水量与水表台账不符。',
        checkedOn: '2021-04-12',
      });
    }
    for (const item of rest) {
      await city.call('PUT', `/spot-checks/${created.id}/items/${item.id}/finding`, { result: 'conforming', categories: [], checkedOn: '2021-04-15' });
    }

    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signIn(page, 'city');
    await page.goto(`/spot-checks/${created.id}`);
    await page.getByTestId('spot-check-record').waitFor();
    await page.getByTestId('spot-check-verify').click();
    await page.getByTestId('spot-check-verification').waitFor();
    await shot(page, 's01-spot-check-record', true);
    await page.getByTestId('spot-check-publish').click();
    await page.getByLabel('通报文号').fill('渝环函〔2021〕56号');
    await page.getByRole('dialog').getByRole('button', { name: /发布通报/ }).click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('spot-check-notice').waitFor();
    await shot(page, 's02-spot-check-published', true);
    await page.goto('/spot-checks');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 's03-spot-check-list');
    await page.getByTestId('spot-check-create').click();
    await page.getByTestId('spot-check-population').waitFor();
    await shot(page, 's04-spot-check-create');
    await context.close();

    const portal = await newContext(browser, server.url);
    const pub = await portal.newPage();
    await pub.goto('/portal/spot-checks');
    await pub.locator('.ant-table-row').first().waitFor();
    await shot(pub, 's05-portal-spot-checks');
    await pub.locator('.ant-table-row a').first().click();
    await pub.getByTestId('portal-spot-check').waitFor();
    await shot(pub, 's06-portal-spot-check-notice', true);
    await portal.close();

    const district = await newContext(browser, server.url);
    const dpage = await district.newPage();
    await signIn(dpage, 'yubei');
    await dpage.goto('/rounds');
    await dpage.locator('.ant-table-row').first().waitFor();
    await dpage.getByRole('row').filter({ hasText: '重庆华鑫表面处理有限公司' }).getByRole('link').first().click();
    await dpage.getByRole('tab', { name: '报告质量' }).click();
    await dpage.getByTestId('similar-pairs').waitFor();
    await shot(dpage, 's07-round-report-quality', true);
    await district.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
