import { useMemo } from 'react';
import { Alert, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { DashboardDistrict } from '../../../shared/contracts/dashboards';
import type { Locale } from '../../../shared/i18n/locales';
import { useT } from '../../i18n';
import { EChart } from './EChart';
import { echarts, type ChartOption } from './echarts';

/**
 * The city's districts as a map. Boundaries: `public/geo/<cityCode>.json` (GeoJSON, each feature carrying the
 * GB/T 2260 `code` it joins on; source and licence in the docs). Units without a boundary of their own (the
 * functional zones) are listed in the file's `cpauditPoints` and drawn as dots.
 */
interface GeoFile {
  type: 'FeatureCollection';
  features: { properties: { code: string; name: string } }[];
  cpauditPoints?: { code: string; name: string; coord: [number, number] }[];
}

async function loadGeo(cityCode: string): Promise<GeoFile | null> {
  const res = await fetch(`/geo/${encodeURIComponent(cityCode)}.json`, { credentials: 'same-origin' });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const geo = (await res.json()) as GeoFile;
  const name = mapName(cityCode);
  // registerMap takes the GeoJSON object; the typed signature wants ECharts' own GeoJSON type.
  if (!echarts.getMap(name)) echarts.registerMap(name, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
  return geo;
}

const mapName = (cityCode: string) => `cpaudit-${cityCode}`;
const nameOf = (d: DashboardDistrict, locale: Locale) => (locale === 'zh-CN' ? d.districtName : d.districtNameEn);

interface Props {
  cityCode: string;
  districts: DashboardDistrict[];
  /** The district the dashboard is narrowed to (highlighted). */
  focus: string | null;
  dueSoonDays: number;
  onSelect: (districtCode: string) => void;
}

/** The value of map areas outside the caller's scope (below the visual map's minimum). */
const OUT_OF_SCOPE = -1;

export function DistrictMap({ cityCode, districts, focus, dueSoonDays, onSelect }: Props) {
  const { t, locale } = useT();
  const geo = useQuery({ queryKey: ['geo', cityCode], queryFn: () => loadGeo(cityCode), staleTime: Infinity, gcTime: Infinity });

  const option = useMemo<ChartOption | null>(() => {
    if (!geo.data) return null;
    const byCode = new Map(districts.map((d) => [d.districtCode, d]));
    const shapes = new Set(geo.data.features.map((f) => f.properties.code));
    const points = (geo.data.cpauditPoints ?? []).filter((p) => byCode.has(p.code));
    const max = Math.max(1, ...districts.map((d) => d.total));
    const tip = (code: string) => {
      const d = byCode.get(code);
      return d
        ? t('dashboards.map.tooltip', { name: echarts.format.encodeHTML(nameOf(d, locale)), total: d.total, overdue: d.overdue, dueSoon: d.dueSoon, days: dueSoonDays })
        : '';
    };
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'item', formatter: (p) => tip((p as { name: string }).name) },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        seriesIndex: 0,
        left: 8,
        bottom: 8,
        itemHeight: 90,
        text: [t('dashboards.map.legendHigh'), t('dashboards.map.legendLow')],
        inRange: { color: ['#e8f1fc', '#7fb0ea', '#1765c1'] },
        calculable: false,
        outOfRange: { color: ['#f3f4f6'] },
      },
      geo: {
        map: mapName(cityCode),
        nameProperty: 'code',
        roam: true,
        zoom: 1.15,
        aspectScale: 0.85,
        itemStyle: { areaColor: '#f3f4f6', borderColor: '#9aa4b2', borderWidth: 0.6 },
        emphasis: { itemStyle: { areaColor: '#ffd666' }, label: { show: true, color: '#1f1f1f' } },
        select: { disabled: true },
        label: { show: false, fontSize: 10, color: '#1f1f1f', formatter: (p: { name: string }) => { const d = byCode.get(p.name); return d ? nameOf(d, locale) : ''; } },
        // Name the units with rounds (and the focused one) on the map; the others on hover.
        regions: districts
          .filter((d) => shapes.has(d.districtCode) && (d.total > 0 || d.districtCode === focus))
          .map((d) => ({
            name: d.districtCode,
            label: { show: true },
            ...(d.districtCode === focus ? { itemStyle: { borderColor: '#cf1322', borderWidth: 2 } } : {}),
          })),
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          // Every area gets a value: units outside the caller's scope get -1, below the visual map's range, so they
          // are drawn in the neutral out-of-range colour instead of the series' default palette colour.
          data: [...shapes].map((code) => ({ name: code, value: byCode.get(code)?.total ?? OUT_OF_SCOPE })),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 13,
          itemStyle: { color: '#fa8c16', borderColor: '#fff', borderWidth: 1.5 },
          emphasis: { label: { show: true } },
          label: { show: false, position: 'right', fontSize: 10, formatter: (p) => { const d = byCode.get((p as { name: string }).name); return d ? `${nameOf(d, locale)} ${d.total}` : ''; } },
          data: points.map((p) => ({ name: p.code, value: [...p.coord, byCode.get(p.code)?.total ?? 0] })),
        },
      ],
    };
  }, [geo.data, districts, focus, dueSoonDays, locale, t]);

  if (geo.isPending) return <Spin style={{ display: 'block', padding: 80 }} />;
  if (geo.isError || !option) return <Alert type="info" showIcon message={t('dashboards.map.noMap')} />;
  return (
    <>
      <EChart
        name="district-map"
        height={420}
        option={option}
        ariaLabel={t('dashboards.map.title')}
        onClick={(e) => {
          if (e.componentType === 'series' || e.componentType === 'geo') {
            if (e.name && districts.some((d) => d.districtCode === e.name)) onSelect(e.name);
          }
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {geo.data?.cpauditPoints?.length ? t('dashboards.map.zoneHint') : ''}
        {t('dashboards.map.mapNote')}
      </Typography.Text>
    </>
  );
}
