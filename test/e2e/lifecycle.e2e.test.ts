import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createEnterprise, createUser } from '../helpers/factories';
import { minimalPdf } from '../helpers/files';
import { signInHttp } from '../helpers/http';
import { actors, applyForEvaluation, fire, listed, listedAndAudited, panelScores, stateOf, type Actors } from '../helpers/lifecycle';
import { useServerAndBrowser } from './suite';
import { browserAvailable, signIn } from './support';

/**
 * The two central screens of the lifecycle in a real browser: the enterprise's side (disclosure, audit
 * mode, report, submission) and the district's evaluation result. Rounds are prepared through the API
 * of the running server, with the same steps the API lifecycle test takes.
 */
const PASSWORD = 'Qingjie@2021x';

describe.skipIf(!browserAvailable())('the round lifecycle in the browser', () => {
  const e2e = useServerAndBrowser();
  let a: Actors;

  /** A new 渝北 enterprise with its own enterprise user, who has set their own password (PASSWORD). */
  async function enterpriseWithUser(): Promise<{ id: string; name: string; username: string }> {
    const enterprise = await createEnterprise(a.yubei);
    const admin = await signInHttp(e2e.server.url, 'admin');
    const user = await createUser(admin, { orgId: enterprise.id, role: 'enterprise_user' });
    const own = await signInHttp(e2e.server.url, user.username, 'Start2024pass');
    const changed = await own.send('POST', '/api/auth/password', { currentPassword: 'Start2024pass', newPassword: PASSWORD });
    expect(changed.statusCode, changed.body).toBe(200);
    return { id: enterprise.id, name: enterprise.name, username: user.username };
  }

  async function confirmTransition(page: Page, name: string, from: string, to: string) {
    await page.getByTestId('round-actions').getByRole('button', { name }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('round-timeline').getByText(`${from} → ${to}`).waitFor();
  }

  beforeAll(async () => {
    a = await actors((u) => signInHttp(e2e.server.url, u));
  });

  it('an enterprise discloses, chooses a self-audit, starts, uploads its report and submits it', async () => {
    const enterprise = await enterpriseWithUser();
    const id = await listed(a, enterprise.id);
    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, enterprise.username, PASSWORD);
    await page.goto(`/rounds/${id}`);

    // 信息公开: the items required by 双超 + 重点行业, where it is published, then the transition.
    const section = page.getByTestId('disclosure-section');
    await section.waitFor();
    const items: Record<string, string> = {
      企业名称: enterprise.name,
      法定代表人: '李国强',
      企业所在地址: '重庆市渝北区两港大道',
      排放污染物名称: '总镍、COD',
      排放方式: '间歇排放',
      排放浓度: '总镍 0.8 mg/L',
      排放总量: '总镍 0.12 吨/年',
      '超标、超总量情况': '2020年总镍超标1次',
    };
    for (const [label, value] of Object.entries(items)) await section.getByLabel(label, { exact: true }).fill(value);
    await section.getByLabel('公开平台名称', { exact: true }).fill('重庆市企业环境信息依法披露系统');
    await section.getByLabel('公开网址', { exact: true }).fill('https://hjxx.example.cn/e');
    await section.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('信息公开草稿已保存').waitFor();
    await confirmTransition(page, '信息公开', '已书面通知', '已信息公开');

    // 审核方式: self-audit, then start the audit.
    await page.getByRole('tab', { name: '审核方式' }).click();
    const mode = page.getByTestId('audit-mode-section');
    await mode.getByLabel('企业自行审核').check();
    await mode.getByRole('button', { name: '保存审核方式' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('审核方式已保存').waitFor();
    await confirmTransition(page, '启动审核', '已信息公开', '审核已启动');

    // 审核报告: upload a PDF, then submit.
    await page.getByRole('tab', { name: '审核报告' }).click();
    const reports = page.getByTestId('report-section');
    await reports.locator('input[type=file]').setInputFiles({ name: '清洁生产审核报告.pdf', mimeType: 'application/pdf', buffer: minimalPdf('report') });
    await page.getByText('已上传审核报告第 1 版').waitFor();
    await confirmTransition(page, '提交审核报告', '审核已启动', '审核报告已提交');
    expect(await stateOf(a, id)).toBe('report_submitted');
    await context.close();
  });

  it('the district records the technical review opinion and the evaluation result after the panel scored', async () => {
    const enterprise = await enterpriseWithUser();
    const id = await listedAndAudited(a, enterprise.id, await signInHttp(e2e.server.url, enterprise.username, PASSWORD));
    await applyForEvaluation(a, id);
    await fire(a, a.yubei, id, 'acceptEvaluationApplication');
    await panelScores(a, id, 'evaluation', [92, 90, 91]);

    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'yubei');
    await page.goto(`/rounds/${id}`);
    await page.getByTestId('round-timeline').waitFor();

    // Recording the result before the opinion is refused, naming the missing opinion.
    await page.getByTestId('round-actions').getByRole('button', { name: '录入评估结论' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(async () => (await page.getByTestId('transition-guard').textContent()) ?? '').toContain('技术审查意见');
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('tab', { name: '评估与验收材料' }).click();
    await page.getByTestId('opinion-edit-evaluation').click();
    const form = page.getByTestId('opinion-panel');
    await form.getByLabel('意见文号', { exact: true }).fill('渝北环评审〔2021〕21号');
    await form.getByLabel('出具日期', { exact: true }).fill('2021-10-20');
    await form.getByLabel('出具日期', { exact: true }).press('Enter');
    await form.getByLabel('意见正文', { exact: true }).fill('审核过程真实，审核报告编制规范，同意通过评估。');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存：技术审查意见').waitFor();

    await confirmTransition(page, '录入评估结论', '专家评估中', '已通过评估');
    expect(await stateOf(a, id)).toBe('evaluated');
    await page.getByTestId('opinion-docx-evaluation').waitFor();
    await context.close();
  });
});
