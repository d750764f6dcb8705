import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { Dashboard } from '../../../shared/contracts/dashboards';
import { dashboardApi } from '../../api/dashboardEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT, type MessageKey } from '../../i18n';
import { roundsLink, type Drill } from './drill';
import { DueCard, MapCard, ProgressCard, StateCard } from './RoundCards';
import { BenefitsByIndustryCard, BenefitsByYearCard, TrendCard } from './TrendCards';

const YEAR = /^\d{4}$/;

interface Tile {
  key: keyof Dashboard['totals'];
  title: MessageKey;
  drill: (data: Dashboard) => Drill;
  color?: string;
}

const TILES: Tile[] = [
  { key: 'rounds', title: 'dashboards.totals.rounds', drill: () => ({}) },
  { key: 'overdue', title: 'dashboards.totals.overdue', drill: () => ({ due: 'overdue' }), color: '#cf1322' },
  { key: 'dueSoon', title: 'dashboards.totals.dueSoon', drill: (d) => ({ due: d.dueSoonDays }), color: '#d48806' },
  { key: 'accepted', title: 'dashboards.totals.accepted', drill: () => ({ progress: 'accepted' }), color: '#389e0d' },
];

/** 数据看板: the city's (or a district's) rounds, deadlines, progress and achieved benefits; every figure opens its rounds. */
export default function DashboardPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const ref = useReferenceLookup();
  const [params, setParams] = useSearchParams();
  const yearParam = params.get('year') ?? '';
  const year = YEAR.test(yearParam) ? Number(yearParam) : undefined;
  const districtCode = params.get('districtCode') || undefined;
  const query = { year, districtCode };
  const dashboard = useQuery({
    queryKey: ['dashboards', query],
    queryFn: () => dashboardApi.overview(query),
    placeholderData: keepPreviousData,
  });

  const setParam = (key: 'year' | 'districtCode', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const data = dashboard.data;
  const isCity = data?.scope.kind === 'city';
  const focusName = data?.scope.districtCode ? ref.districtName(data.scope.districtCode) : null;
  const subTitle = focusName ? t('dashboards.subtitleDistrict', { district: focusName }) : t('dashboards.subtitleCity');

  const filters = data && (
    <Space wrap>
      <Select<number | 'all'>
        aria-label={t('dashboards.year')}
        style={{ width: 150 }}
        value={year ?? 'all'}
        onChange={(v) => setParam('year', v === 'all' ? undefined : String(v))}
        options={[{ value: 'all' as const, label: t('dashboards.allYears') }, ...data.years.map((y) => ({ value: y, label: `${t('dashboards.year')} ${y}` }))]}
      />
      {isCity && (
        <Select<string>
          aria-label={t('dashboards.district')}
          style={{ width: 170 }}
          showSearch
          optionFilterProp="label"
          value={districtCode ?? ''}
          onChange={(v) => setParam('districtCode', v || undefined)}
          options={[{ value: '', label: t('dashboards.allDistricts') }, ...ref.districts]}
        />
      )}
    </Space>
  );

  return (
    <PageContainer
      title={t('dashboards.title')}
      subTitle={subTitle}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('dashboards.title') }]}
      extra={filters}
    >
      {dashboard.isError ? (
        <ErrorResult error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <DashboardBody
          data={data}
          onDistrict={(code) => void navigate(roundsLink({ listingYear: data.year, districtCode: code }))}
          tileTitle={(tile) => t(tile.title, { days: data.dueSoonDays })}
          hint={`${t('dashboards.asOf', { date: data.today })} · ${t('dashboards.clickHint')}`}
        />
      )}
    </PageContainer>
  );
}

function DashboardBody({
  data,
  onDistrict,
  tileTitle,
  hint,
}: {
  data: Dashboard;
  onDistrict: (code: string) => void;
  tileTitle: (tile: Tile) => string;
  hint: string;
}) {
  const navigate = useNavigate();
  const base: Drill = { listingYear: data.year, districtCode: data.scope.districtCode };
  const district: Drill = { districtCode: data.scope.districtCode };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <Row gutter={[16, 16]}>
        {TILES.map((tile) => (
          <Col key={tile.key} xs={12} lg={6}>
            <Card
              hoverable
              size="small"
              role="link"
              aria-label={tileTitle(tile)}
              data-testid={`tile-${tile.key}`}
              onClick={() => void navigate(roundsLink({ ...base, ...tile.drill(data) }))}
            >
              <Statistic
                title={tileTitle(tile)}
                value={data.totals[tile.key]}
                valueStyle={tile.color && data.totals[tile.key] > 0 ? { color: tile.color } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MapCard data={data} base={base} onDistrict={onDistrict} />
        </Col>
        <Col xs={24} xl={10}>
          <StateCard data={data} base={base} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <DueCard data={data} base={base} />
        </Col>
        <Col xs={24} xl={14}>
          <ProgressCard data={data} base={base} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TrendCard data={data} district={district} />
        </Col>
        <Col xs={24} xl={12}>
          <BenefitsByYearCard data={data} district={district} />
        </Col>
      </Row>
      <BenefitsByIndustryCard data={data} district={district} />
    </Space>
  );
}
