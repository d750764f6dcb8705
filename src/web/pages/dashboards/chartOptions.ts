import { echarts, type ChartOption } from './echarts';

const html = (text: string) => echarts.format.encodeHTML(text);

/** Option builders for the dashboard's bar and line charts (pure: data in, ECharts option out). */

export const PALETTE = ['#1765c1', '#52c41a', '#faad14', '#cf1322', '#722ed1', '#13c2c2', '#8c8c8c'];

/** Category id + shown label; the id travels with the click (as `name`) so the click-through needs no lookup. */
export interface Category {
  id: string;
  label: string;
}

export interface BarSeries {
  /** The series id (`seriesId` of the click). */
  id: string;
  name: string;
  /** One value per category; an item may carry its own colour. */
  values: (number | { value: number; itemStyle: { color: string } })[];
  color?: string;
}

const fmt = (locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

/** Bars per category (horizontal when many categories), several series stacked or side by side. */
export function barOption(
  categories: readonly Category[],
  series: readonly BarSeries[],
  opts: { horizontal?: boolean; stacked?: boolean; locale: string; unit?: string },
): ChartOption {
  const f = fmt(opts.locale);
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  const categoryAxis = {
    type: 'category' as const,
    data: categories.map((c) => c.id),
    inverse: Boolean(opts.horizontal),
    axisLabel: {
      formatter: (id: string) => labels.get(id) ?? id,
      interval: 0,
      ...(opts.horizontal ? { width: 150, overflow: 'truncate' as const } : { rotate: categories.length > 8 ? 35 : 0 }),
    },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = { type: 'value' as const, minInterval: 1, name: opts.unit ?? '', axisLabel: { formatter: (v: number) => f.format(v) } };
  return {
    aria: { enabled: true },
    color: PALETTE,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const id = String((list[0] as { name?: string } | undefined)?.name ?? '');
        const rows = list.map((p) => {
          const item = p as { marker?: string; seriesName?: string; value?: unknown };
          return `${item.marker ?? ''}${html(item.seriesName ?? '')}&nbsp;&nbsp;<b>${f.format(Number(item.value ?? 0))}</b>${opts.unit ? ` ${opts.unit}` : ''}`;
        });
        return [html(labels.get(id) ?? id), ...rows].join('<br/>');
      },
    },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 12, right: 36, top: series.length > 4 ? 60 : series.length > 1 ? 32 : 24, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? valueAxis : categoryAxis,
    yAxis: opts.horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      type: 'bar' as const,
      id: s.id,
      name: s.name,
      data: s.values,
      stack: opts.stacked ? 'total' : undefined,
      barMaxWidth: 28,
      itemStyle: s.color ? { color: s.color } : undefined,
      emphasis: { focus: 'series' as const },
      label: !opts.stacked && series.length === 1 ? { show: true, position: opts.horizontal ? ('right' as const) : ('top' as const), formatter: (p: { value?: unknown }) => (Number(p.value) ? f.format(Number(p.value)) : '') } : undefined,
    })),
  };
}

/** Lines per year (trend), each point clickable. */
export function lineOption(years: readonly number[], series: readonly BarSeries[], locale: string): ChartOption {
  const f = fmt(locale);
  return {
    aria: { enabled: true },
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 12, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: true },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => f.format(v) } },
    series: series.map((s) => ({
      type: 'line' as const,
      id: s.id,
      name: s.name,
      data: s.values,
      symbolSize: 9,
      smooth: false,
      label: { show: true, position: 'top' as const },
      triggerLineEvent: false,
    })),
  };
}
