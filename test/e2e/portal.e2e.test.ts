import { describe, it } from 'vitest';
import { useServerAndBrowser } from './suite';
import { browserAvailable, signIn } from './support';

/** The demo's accepted, not yet published round (2019), and an enterprise of the published 2021 list. */
const ACCEPTED = '重庆钢信特钢有限公司';
const LISTED_2021 = '重庆嘉美印务有限公司';
const BATCH = '2022年第一批清洁生产审核验收结果';

describe.skipIf(!browserAvailable())('public portal and batch publication, in the browser', () => {
  const e2e = useServerAndBrowser();

  it('shows the published list without sign-in; the city publishes a result that then shows on the portal', async () => {
    const visitor = await (await e2e.context()).newPage();
    await visitor.goto('/login');
    await visitor.getByTestId('portal-link').click();
    await visitor.getByRole('heading', { name: '强制性清洁生产审核信息公开' }).waitFor();
    await visitor.goto('/portal/lists?year=2021');
    await visitor.getByRole('row').filter({ hasText: LISTED_2021 }).waitFor();

    const city = await (await e2e.context()).newPage();
    await signIn(city, 'city');
    await city.getByRole('menuitem', { name: '验收结果发布' }).click();
    await city.getByRole('row').filter({ hasText: ACCEPTED }).getByRole('checkbox').check();
    await city.getByLabel('标题', { exact: true }).fill(BATCH);
    await city.getByTestId('publish-batch').click();
    await city.getByRole('dialog').getByRole('button', { name: '发布结果' }).click();
    await city.getByText(`已发布“${BATCH}”，共 1 个审核轮次`).waitFor();

    await visitor.goto('/portal/results');
    await visitor.getByRole('row').filter({ hasText: ACCEPTED }).filter({ hasText: BATCH }).waitFor();
  });
});
