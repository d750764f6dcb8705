import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './suite';
import { browserAvailable, signIn } from './support';

describe.skipIf(!browserAvailable())('e-mail settings and the outbox, in the browser', () => {
  const e2e = useServerAndBrowser();

  it('an enterprise user turns off a kind from the user menu; the administrator sees the pending outbox', async () => {
    const ent = await (await e2e.context()).newPage();
    await signIn(ent, 'ent1');
    await ent.getByTestId('user-menu').click();
    await ent.getByTestId('user-menu-mail').click();
    await ent.getByRole('heading', { name: '邮件设置' }).waitFor();
    await ent.getByTestId('mail-address').filter({ hasText: 'wangxy@huaxin-plating.example' }).waitFor();
    await ent.getByRole('checkbox', { name: '验收结果公布' }).uncheck();
    await ent.getByRole('switch', { name: '每日汇总' }).click();
    await ent.getByTestId('mail-preferences-save').click();
    await ent.getByText('邮件设置已保存').waitFor();
    await ent.reload();
    await ent.getByRole('heading', { name: '邮件设置' }).waitFor();
    expect(await ent.getByRole('checkbox', { name: '验收结果公布' }).isChecked()).toBe(false);
    expect(await ent.getByRole('checkbox', { name: '纳入审核名单' }).isChecked()).toBe(true);
    expect(await ent.getByRole('switch', { name: '每日汇总' }).isChecked()).toBe(true);

    // No SMTP server is configured: the demo's mail waits in the outbox.
    const admin = await (await e2e.context()).newPage();
    await signIn(admin, 'admin');
    await admin.goto('/mail-outbox');
    await admin.getByRole('heading', { name: '邮件发送记录' }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'wangxy@huaxin-plating.example' }).filter({ hasText: '待发送' }).first().waitFor();
    await admin.getByRole('row').filter({ hasText: 'wangxy@huaxin-plating.example' }).first().getByRole('button', { name: /查\s*看/ }).click();
    await admin.getByRole('dialog').getByText('王晓燕，您好：').waitFor();
  });
});
