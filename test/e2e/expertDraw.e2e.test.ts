import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PanelDraw, RoundDraws } from '../../src/shared/contracts/experts';
import { seedCommitment } from '../../src/shared/domain/draw';
import { createEnterprise, createUser } from '../helpers/factories';
import { signInHttp } from '../helpers/http';
import { actors, applyForEvaluation, fire, listedAndAudited, ok, type Actors } from '../helpers/lifecycle';
import { startServer, type RunningServer } from '../helpers/server';
import { browserAvailable, launchBrowser, newContext, shot, signIn } from './support';

/**
 * A district draws an expert panel in the browser and sees the recorded seed and its hash; the verify button recomputes
 * the draw. The round is prepared through the API of the running server (an agency-served round under evaluation).
 */
describe.skipIf(!browserAvailable())('random expert draws in the browser', () => {
  // Its own server and browser (not useServerAndBrowser) to allow a slow start on a loaded machine.
  let server: RunningServer;
  let browser: Browser;
  const e2e = {
    get server() {
      return server;
    },
    context: () => newContext(browser, server.url),
  };
  let a: Actors;

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 300_000 });
    browser = await launchBrowser();
    a = await actors((u) => signInHttp(e2e.server.url, u));
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a district draws a panel and sees the recorded seed, its hash, the candidates and the recusals', async () => {
    const enterprise = await createEnterprise(a.yubei);
    const admin = await signInHttp(e2e.server.url, 'admin');
    const user = await createUser(admin, { orgId: enterprise.id, role: 'enterprise_user' });
    const own = await signInHttp(e2e.server.url, user.username, 'Start2024pass');
    const id = await listedAndAudited(a, enterprise.id, own);
    await applyForEvaluation(a, id);
    await fire(a, a.yubei, id, 'acceptEvaluationApplication');

    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'yubei');
    await page.goto(`/rounds/${id}`);
    await page.getByRole('tab', { name: '专家评审' }).click();
    const form = page.getByTestId('draw-form');
    await form.waitFor();
    await form.getByTestId('draw-submit').click();
    const record = page.getByTestId('draw-record').first();
    await record.waitFor();
    await page.getByText('已抽取专家并组建专家组').waitFor();

    // The page shows what the server recorded: the seed and its SHA-256 commitment.
    const stored = ok(await a.yubei.get(`/api/rounds/${id}/panel-draws`)).json<RoundDraws>().items[0] as PanelDraw;
    expect(stored.seed).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(async () => (await record.getByTestId('draw-seed').textContent()) ?? '').toContain(stored.seed ?? 'x');
    await expect.poll(async () => (await record.getByTestId('draw-seed-hash').textContent()) ?? '').toContain(stored.seedHash ?? 'x');
    expect(seedCommitment(stored.seed ?? '')).toBe(stored.seedHash);
    // The agency's employee and the expert who declared a tie to the agency are recused, with their reasons.
    const exclusions = record.getByTestId('draw-exclusions');
    await exclusions.getByText('与咨询机构同一单位').waitFor();
    await exclusions.getByText('申报了与咨询机构的关联').waitFor();
    expect(stored.drawn).toHaveLength(3);
    for (const d of stored.drawn) await record.getByTestId('draw-result').getByText(d.name).waitFor();

    await record.getByTestId('draw-verify').click();
    await record.getByTestId('draw-verification').getByText('复核通过').waitFor();
    await shot(page, 'expert-draw-record', true);
    await context.close();
  }, 240_000);

  it('the city opens the expert library and an expert record', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'city');
    await page.goto('/experts');
    await page.getByRole('link', { name: '孙伟' }).click();
    await page.getByTestId('expert-record').waitFor();
    await page.getByText('重庆绿源清洁生产技术咨询有限公司').first().waitFor();
    await shot(page, 'expert-record', true);
    await page.goto('/experts');
    await page.getByRole('link', { name: '张建华' }).waitFor();
    await shot(page, 'expert-library');
    await context.close();
  }, 240_000);
});
