import { describe, expect, it } from 'vitest';
import { ANNEX4_HEADERS, annex4Row, xlsxOf } from '../helpers/xlsx';
import { useServerAndBrowser } from './suite';
import { browserAvailable, signIn } from './support';

/** ent2's 2021 round (notified, 重点行业): five items to disclose. */
const HONGDA = '重庆宏达包装制品有限公司';
/** ent1's 2020 round (passed evaluation): stages and report versions may be recorded. */
const HUAXIN = '重庆华鑫表面处理有限公司';

describe.skipIf(!browserAvailable())('round material in the browser', () => {
  const e2e = useServerAndBrowser();

  it('an enterprise fills its disclosure, saves the draft and discloses', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'ent2');
    await page.getByTestId('work-rounds').getByRole('link', { name: HONGDA }).click();
    const section = page.getByTestId('disclosure-section');
    await section.waitFor();
    const items: Record<string, string> = {
      企业名称: HONGDA,
      法定代表人: '邓小军',
      企业所在地址: '重庆市江北区港城工业园',
      排放污染物名称: 'VOCs、颗粒物',
      排放总量: 'VOCs 3.2 吨/年',
    };
    for (const [label, value] of Object.entries(items)) await section.getByLabel(label, { exact: true }).fill(value);
    await section.getByLabel('公开平台名称', { exact: true }).fill('重庆市企业环境信息依法披露系统');
    await section.getByLabel('公开网址', { exact: true }).fill('https://hjxx.example.cn/hongda');
    await section.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('信息公开草稿已保存').waitFor();

    await page.getByTestId('round-actions').getByRole('button', { name: '信息公开' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('round-timeline').getByText('已书面通知 → 已信息公开').waitFor();
    await page.reload();
    const published = page.getByTestId('disclosure-section');
    await published.getByText(/已于 .* 发布/).waitFor();
    expect(await published.textContent()).toContain('VOCs 3.2 吨/年');
    await expect.poll(() => published.locator('textarea').count()).toBe(0);
    await context.close();
  });

  it('an enterprise records the next audit stage and sees the server refuse a wrong report type', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'ent1');
    await page.getByTestId('work-rounds').getByRole('link', { name: HUAXIN }).click();
    await page.getByRole('tab', { name: '审核进度' }).click();
    const stages = page.getByTestId('stages-section');
    await stages.getByText('登记完成：审核准备').waitFor();
    await stages.getByLabel('完成日期', { exact: true }).fill('2020-05-20');
    await stages.getByLabel('完成日期', { exact: true }).press('Enter');
    await stages.getByRole('button', { name: '登记完成' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已登记“审核准备”阶段完成').waitFor();
    await stages.getByText('登记完成：预审核').waitFor();
    expect(await stages.textContent()).toContain('已完成 1 / 7 个阶段');

    await page.getByRole('tab', { name: '审核报告' }).click();
    const reports = page.getByTestId('report-section');
    await reports.locator('input[type=file]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
    const error = page.getByTestId('report-upload-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('文件类型不允许');
    await context.close();
  });

  it('a district imports a plan list: the row report, then only the valid rows after confirmation', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    await signIn(page, 'yubei');
    await page.getByRole('menuitem', { name: '审核计划' }).click();
    await page.getByRole('link', { name: '从 Excel 导入' }).click();
    await page.getByRole('heading', { name: '导入审核计划' }).waitFor();
    const buffer = await xlsxOf({
      headers: ANNEX4_HEADERS,
      rows: [
        annex4Row({ seq: 1, district: '渝北区', name: HUAXIN, creditCode: '91500112MA5U7K2H1X', reasons: '双有、重点行业', year: 2028 }),
        annex4Row({ seq: 2, district: '渝北区', name: '某公司', creditCode: '91500112MA5U7K2H1A', reasons: '重点行业', year: 2028 }),
      ],
    });
    await page.locator('input[type=file]').setInputFiles({ name: '附件4.xlsx', mimeType: 'application/octet-stream', buffer });
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('统一社会信用代码：');
    await expect.poll(async () => page.getByRole('button', { name: '全部导入' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '只导入正确的行（1 行）' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已导入 1 条审核计划').first().waitFor();
    await page.getByText(/写入 1 条审核计划/).waitFor();
    await page.getByRole('button', { name: '返回审核计划' }).click();
    await page.getByRole('row').filter({ hasText: HUAXIN }).filter({ hasText: '2028' }).waitFor();
    await context.close();
  });
});
