import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, makeCreditCode } from '../../src/shared/domain/creditCode';
import { useServerAndBrowser } from './suite';
import { browserAvailable, searchEnterprises, signIn, signOut } from './support';

/** A valid code registered in 渝北区 (500112), unique for this run. */
function freshCreditCode(): string {
  const digits = String(Date.now()).slice(-9);
  return makeCreditCode(`91500112${digits}`);
}

/** The same code with a different (hence wrong) check character. */
function withWrongCheck(code: string): string {
  const last = code.charAt(17);
  const other = [...CREDIT_CODE_CHARSET].find((ch) => ch !== last) ?? '0';
  return code.slice(0, 17) + other;
}

describe.skipIf(!browserAvailable())('enterprise registration in the browser', () => {
  const e2e = useServerAndBrowser();

  it('a district user registers an enterprise that another district cannot see', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    const name = `重庆测试清洁科技有限公司${String(Date.now()).slice(-5)}`;
    const code = freshCreditCode();

    await signIn(page, 'yubei');
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.getByRole('button', { name: '新增企业' }).click();
    await page.getByRole('heading', { name: '新增企业' }).waitFor();

    // The district is preselected and locked for a district user.
    const district = page.getByTestId('field-districtCode');
    await expect.poll(() => district.textContent()).toContain('渝北区');

    await page.getByLabel('企业名称', { exact: true }).fill(name);
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(withWrongCheck(code));
    await page.getByLabel('法定代表人', { exact: true }).fill('张伟');
    await page.getByLabel('地址', { exact: true }).fill('重庆市渝北区空港大道 88 号');
    await page.getByLabel('所属行业', { exact: true }).click();
    await page.keyboard.type('26 化学');
    await page.keyboard.press('Enter');
    await page.getByLabel('联系人', { exact: true }).fill('李娜');
    await page.getByLabel('联系电话', { exact: true }).fill('13800138000');
    await page.getByRole('button', { name: /提\s*交/ }).click();

    // The shared schema's message appears under the credit code field.
    const codeError = page.getByTestId('field-creditCode').getByText(/无效/);
    await codeError.waitFor();
    expect(await codeError.textContent()).toContain('无效：校验码错误');

    await page.getByLabel('统一社会信用代码', { exact: true }).fill(code);
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByRole('heading', { name }).waitFor();
    expect(await page.getByText(code).first().isVisible()).toBe(true);

    await searchEnterprises(page, name);
    await page.getByRole('link', { name }).waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(page.url()).toContain('keyword=');

    await signOut(page);
    await signIn(page, 'jiangbei');
    await searchEnterprises(page, name);
    await page.getByText('没有找到符合条件的企业').waitFor();
    expect(await page.getByRole('link', { name }).count()).toBe(0);
    await context.close();
  });
});
