import { expect, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from './suite';
import { browserAvailable, signIn } from './support';

/** Click the map where a coordinate (longitude, latitude) is drawn, through the chart's own projection. */
async function clickMapAt(page: Page, coord: [number, number]): Promise<void> {
  const el = page.locator('[data-chart="district-map"]');
  const box = await el.boundingBox();
  const point = await el.evaluate((node, c) => {
    const chart = (node as HTMLElement & { echarts?: { convertToPixel: (finder: object, value: number[]) => number[] } }).echarts;
    return chart?.convertToPixel({ geoIndex: 0 }, c) ?? null;
  }, coord);
  if (!box || !point) throw new Error('the map is not drawn');
  await page.mouse.click(box.x + (point[0] ?? 0), box.y + (point[1] ?? 0));
}

describe.skipIf(!browserAvailable())('dashboards, in the browser', () => {
  const e2e = useServerAndBrowser();

  it('renders the city map and charts; a click on a district opens its filtered round list', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, 'city');
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    for (const chart of ['district-map', 'states', 'due', 'progress', 'trend', 'benefits-year', 'benefits-industry']) {
      await page.locator(`[data-chart="${chart}"] canvas`).first().waitFor();
    }
    // 渝北区 (500112): its label point on the map.
    await page.waitForTimeout(800); // the map's entry animation
    await clickMapAt(page, [106.512851, 29.601451]);
    await page.waitForURL(/\/rounds\?/);
    expect(new URL(page.url()).searchParams.get('districtCode')).toBe('500112');
    await page.locator('.ant-table-row').first().waitFor();
    const districts = await page.locator('.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(districts.length).toBeGreaterThan(0);
    expect(new Set(districts)).toEqual(new Set(['渝北区']));
  });

  it('opens the rounds of a state from its bar, and shows every chart as a table', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, 'city');
    await page.goto('/dashboards');
    const states = page.locator('[data-chart="states"]');
    await states.locator('canvas').waitFor();
    await page.waitForTimeout(800);
    // The first bar (the first state in lifecycle order) at its middle, through the chart's own axes.
    const point = await states.evaluate((node) => {
      const chart = (node as HTMLElement & { echarts?: { convertToPixel: (finder: object, value: unknown[]) => number[]; getOption: () => { yAxis: { data: string[] }[] } } }).echarts;
      const first = chart?.getOption().yAxis[0]?.data[0];
      return chart && first ? { state: first, at: chart.convertToPixel({ seriesIndex: 0 }, [0.5, first]) } : null;
    });
    const box = await states.boundingBox();
    if (!point || !box) throw new Error('the state chart is not drawn');
    await page.mouse.click(box.x + (point.at[0] ?? 0), box.y + (point.at[1] ?? 0));
    await page.waitForURL(/\/rounds\?/);
    expect(new URL(page.url()).searchParams.get('state')).toBe(point.state);
    await page.locator('.ant-table-row').first().waitFor();
    const total = await page.locator('.ant-table-row').count();
    expect(total).toBeGreaterThan(0);

    await page.goto('/dashboards');
    const card = page.getByTestId('chart-card-map');
    await card.getByText('表格').click();
    await card.getByRole('row').filter({ hasText: '渝北区' }).getByRole('link').first().click();
    await page.waitForURL(/districtCode=500112/);
  });

  it('shows a district only its own district', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, 'yubei');
    await page.goto('/dashboards');
    await page.locator('[data-chart="district-map"] canvas').waitFor();
    const card = page.getByTestId('chart-card-map');
    await card.getByText('表格').click();
    const names = await card.locator('.ant-table-row td:first-child').allInnerTexts();
    expect(names).toEqual(['渝北区']);
  });
});
