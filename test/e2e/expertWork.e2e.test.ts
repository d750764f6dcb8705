import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundPanels } from '../../src/shared/contracts/reviews';
import { localIsoDate } from '../../src/shared/domain/deadlines';
import { DEFAULT_EVALUATION_SHEET } from '../../src/shared/domain/scoring';
import { createEnterprise, createUser } from '../helpers/factories';
import { signInHttp } from '../helpers/http';
import { actors, applyForEvaluation, fire, listedAndAudited, ok, opinion, stateOf, type Actors } from '../helpers/lifecycle';
import { fullScores, signPanel } from '../helpers/reviews';
import { startServer, type RunningServer } from '../helpers/server';
import { browserAvailable, launchBrowser, newContext, shot, signIn } from './support';

/**
 * An expert's review in the browser: 我的评审 with the meeting and materials deadline, the pre-review form,
 * the score sheet and the signature; then the district rates the expert's work on the round's 专家工作 tab.
 * The round is prepared through the API of the running server. CPAUDIT_SHOTS=1 also writes screenshots.
 */
const shots = process.env.CPAUDIT_SHOTS === '1';

describe.skipIf(!browserAvailable())('expert work in the browser', () => {
  // The shared suite's 90 s start-up limit is too tight on a loaded machine (the demo data set keeps growing).
  let server: RunningServer;
  let browser: Browser;
  let a: Actors;
  const e2e = {
    get server() {
      return server;
    },
    context: (): Promise<BrowserContext> => newContext(browser, server.url),
  };

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    a = await actors((u) => signInHttp(e2e.server.url, u));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an expert opens my reviews, fills the pre-review, scores and signs; the district rates the work', async () => {
    const enterprise = await createEnterprise(a.yubei);
    const admin = await signInHttp(e2e.server.url, 'admin');
    const user = await createUser(admin, { orgId: enterprise.id, role: 'enterprise_user' });
    const ent = await signInHttp(e2e.server.url, user.username, 'Start2024pass');
    ok(await ent.send('POST', '/api/auth/password', { currentPassword: 'Start2024pass', newPassword: 'Qingjie@2021x' }));
    const id = await listedAndAudited(a, enterprise.id, ent);
    await applyForEvaluation(a, id);
    await fire(a, a.yubei, id, 'acceptEvaluationApplication');
    const formed = ok(
      await a.yubei.send('POST', `/api/rounds/${id}/panels`, { expertUserIds: a.expertIds, reason: '按专业领域指定评审专家' }),
      201,
    ).json<RoundPanels>();
    const panelId = formed.panels[0]?.id ?? '';
    const meetingOn = localIsoDate(new Date(Date.now() + 10 * 86_400_000));
    ok(await a.yubei.send('PUT', `/api/review-panels/${panelId}/meeting`, { meetingOn, meetingPlace: '渝北区生态环境局三楼会议室' }));
    // The two other experts score first, so the result is complete once expert1 submits.
    for (const [i, expert] of a.experts.slice(1).entries()) {
      ok(await expert.send('POST', `/api/review-panels/${panelId}/conflict`, { hasConflict: false }));
      ok(await expert.send('PUT', `/api/review-panels/${panelId}/scores`, { scores: fullScores('evaluation', 90 + i), submit: true }));
    }

    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'expert1');
    await page.getByRole('menuitem', { name: '我的评审' }).click();
    const row = page.getByRole('row').filter({ hasText: enterprise.name });
    await row.waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(meetingOn);
    if (shots) await shot(page, 'h2-my-reviews');
    await row.getByRole('link', { name: '打开' }).click();

    // Conflicts first.
    await page.getByRole('button', { name: '提交声明' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    const pre = page.getByTestId('pre-review');
    await pre.getByLabel('总体评价', { exact: true }).waitFor();

    // 预审意见表: fill, submit, confirm.
    await pre.getByLabel('总体评价', { exact: true }).fill('审核报告结构完整，审核重点选择合理。');
    await pre.getByLabel('主要问题', { exact: true }).fill('物料平衡测试数据不足，部分方案效益测算依据不充分。');
    await pre.getByLabel('需企业说明的问题', { exact: true }).fill('电镀线漂洗水用量如何计量？');
    await pre.getByLabel('修改建议', { exact: true }).fill('补充物料平衡测试记录，完善中/高费方案可行性分析。');
    await pre.getByLabel('修改后通过').check();
    await pre.getByRole('button', { name: '提交预审意见' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await pre.getByText(/已于 .* 提交/).waitFor();

    // 评分表: every base item, then submit.
    const scores = fullScores('evaluation', 88);
    for (const item of DEFAULT_EVALUATION_SHEET.items) {
      if (item.veto) continue;
      await page.getByLabel(item.label['zh-CN'], { exact: true }).fill(String(scores[item.code]));
    }
    await expect.poll(async () => (await page.getByTestId('running-total').textContent()) ?? '').toContain('88.0');
    await page.getByRole('button', { name: /提交评分/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();

    // 签字确认: the panel result, the typed full name, confirm.
    const signing = page.getByTestId('signing');
    await signing.getByTestId('signing-result').waitFor();
    expect(await signing.getByTestId('signing-result').textContent()).toContain('89.7 分');
    await signing.getByLabel('本人全名', { exact: true }).fill('张建华');
    await signing.getByRole('button', { name: /签字确认/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await signing.getByTestId('my-signature').waitFor();
    expect(await signing.getByTestId('my-signature').textContent()).toContain('张建华');
    if (shots) await shot(page, 'h2-expert-review', true);
    await context.close();

    // The others sign, the district records the result and rates expert1 in the browser.
    await signPanel(panelId, a.experts.slice(1));
    ok(await opinion(a, id, 'evaluation', '渝北环评审〔2021〕31号'));
    await fire(a, a.yubei, id, 'recordEvaluation');
    expect(await stateOf(a, id)).toBe('evaluated');

    const district = await e2e.context();
    const dpage = await district.newPage();
    await signIn(dpage, 'yubei');
    await dpage.goto(`/rounds/${id}`);
    await dpage.getByRole('tab', { name: '专家工作' }).click();
    const card = dpage.getByTestId('panel-work-evaluation');
    await card.waitFor();
    await card.getByRole('row').filter({ hasText: '张建华' }).getByRole('button', { name: /评\s*价/ }).click();
    const modal = dpage.getByRole('dialog');
    await modal.locator('.ant-rate-star').nth(3).click();
    await modal.getByLabel('评价意见', { exact: true }).fill('预审意见具体，评审认真。');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await dpage.getByText('评价已保存').waitFor();
    await card.getByText('预审意见具体，评审认真。').waitFor();
    if (shots) await shot(dpage, 'h2-district-expert-work', true);
    await district.close();
  }, 180_000);
});
