import { describe, expect, it } from 'vitest';
import type { AgencyPage, AgencyPerformance } from '../../src/shared/contracts/agencies';
import { signInHttp } from '../helpers/http';
import { useServerAndBrowser } from './suite';
import { browserAvailable, shot, signIn } from './support';

/** The demo agency that served three demo rounds (2019 ×2, 2020), rated by 江北区; and the one on the dishonesty list. */
const LANTIAN = '重庆蓝天环境技术咨询有限公司';
const HENGXIN = '重庆恒信环保咨询服务有限公司';

describe.skipIf(!browserAvailable())('consulting agencies in the browser', () => {
  const e2e = useServerAndBrowser();

  it("the city opens an agency's performance page and sees the figures computed from the rounds", async () => {
    // The same figures through the API, to compare with what the page shows.
    const api = await signInHttp(e2e.server.url, 'city');
    const found = (await api.get(`/api/agencies?keyword=${encodeURIComponent('蓝天')}`)).json<AgencyPage>();
    const agency = found.items[0];
    if (!agency) throw new Error('demo agency missing');
    const perf = (await api.get(`/api/agencies/${agency.id}/performance`)).json<AgencyPerformance>();
    expect(perf.total).toMatchObject({ roundsServed: 3, firstEvaluations: 3, firstEvaluationsPassed: 3, firstPassRate: 1 });

    const page = await (await e2e.context()).newPage();
    await signIn(page, 'city');
    await page.getByRole('menuitem', { name: '咨询服务机构' }).click();
    await page.getByRole('heading', { name: '咨询服务机构' }).waitFor();
    await page.getByLabel('关键词', { exact: true }).fill('蓝天');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ hasText: LANTIAN });
    await row.getByText('100.0%').waitFor();
    await row.getByRole('link', { name: LANTIAN }).click();
    await page.getByRole('heading', { name: LANTIAN }).waitFor();
    await page.getByRole('tab', { name: '绩效档案' }).click();

    const figures = page.getByTestId('agency-performance');
    await figures.waitFor();
    await expect.poll(() => page.getByTestId('metric-roundsServed').innerText()).toContain('3');
    expect(await page.getByTestId('metric-firstPassRate').innerText()).toContain('100.0%');
    expect(await page.getByTestId('metric-firstPassRate').innerText()).toContain('3/3');
    const evaluation = perf.total.averageEvaluationScore?.toFixed(1) ?? '—';
    expect(await page.getByTestId('metric-averageEvaluationScore').innerText()).toContain(evaluation);
    const acceptance = perf.total.averageAcceptanceScore?.toFixed(1) ?? '—';
    expect(await page.getByTestId('metric-averageAcceptanceScore').innerText()).toContain(acceptance);
    expect(await page.getByTestId('metric-overdueRounds').innerText()).toContain(String(perf.total.overdueRounds));
    // One row per listing year of the agency's rounds.
    for (const y of perf.years) await figures.getByRole('row').filter({ hasText: String(y.year) }).first().waitFor();
    // The definition of a figure is its tooltip.
    await page.getByTestId('metric-firstPassRate').getByText('首次评估通过率').hover();
    await page.getByRole('tooltip').filter({ hasText: '首个已出结论的评估专家组' }).waitFor();
    await shot(page, 'agency-performance', true);

    // The district feedback with its average.
    await page.getByRole('tab', { name: '区县评价' }).click();
    await page.getByText('4.5 分').waitFor();
  });

  it('the public portal shows the dishonesty list without sign-in', async () => {
    const visitor = await (await e2e.context()).newPage();
    await visitor.goto('/portal');
    await visitor.getByTestId('portal-nav-dishonest-agencies').click();
    await visitor.getByRole('heading', { name: '咨询服务机构失信名单' }).waitFor();
    await visitor.getByRole('row').filter({ hasText: HENGXIN }).filter({ hasText: '渝环〔2021〕156号' }).waitFor();
    expect(await visitor.getByRole('row').filter({ hasText: LANTIAN }).count()).toBe(0);
    await shot(visitor, 'portal-dishonest-agencies');
  });
});
