import { useEffect, useRef } from 'react';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { echarts, type ChartOption } from './echarts';

/** The element of a chart, carrying its ECharts instance (read by the browser tests to find where to click). */
export type ChartElement = HTMLDivElement & { echarts?: EChartsType };

interface Props {
  option: ChartOption;
  /** A click on a data element (bar, point, map region). */
  onClick?: (event: ECElementEvent) => void;
  height: number;
  /** Names the chart for tests and assistive technology. */
  name: string;
  ariaLabel: string;
}

/** One ECharts instance in a div: created on mount, resized with its box, disposed on unmount. */
export function EChart({ option, onClick, height, name, ariaLabel }: Props) {
  const ref = useRef<ChartElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    el.echarts = chart;
    chart.on('click', (event) => clickRef.current?.(event));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      delete el.echarts;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} data-chart={name} role="img" aria-label={ariaLabel} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
