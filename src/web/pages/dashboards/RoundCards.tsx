import { useMemo } from 'react';
import { Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Dashboard, DashboardDistrict } from '../../../shared/contracts/dashboards';
import { PROGRESS_STAGE_LABELS, PROGRESS_STAGES, type ProgressStage } from '../../../shared/domain/dashboards';
import { ROUND_STATE_PHASE, type RoundState } from '../../../shared/domain/roundStates';
import type { Locale } from '../../../shared/i18n/locales';
import { useT } from '../../i18n';
import { roleLabel, stateLabel } from '../../i18n/labels';
import { ChartCard } from './ChartCard';
import { barOption, PALETTE } from './chartOptions';
import { DistrictMap } from './DistrictMap';
import { roundsLink, type Drill } from './drill';
import { EChart } from './EChart';

/** The dashboard's round cards: the map, states, overdue / due soon and progress by district. */

const nameOf = (d: DashboardDistrict, locale: Locale) => (locale === 'zh-CN' ? d.districtName : d.districtNameEn);
const PHASE_COLORS: Record<string, string> = {
  listing: '#8c8c8c',
  audit: '#1765c1',
  evaluation: '#722ed1',
  acceptance: '#13c2c2',
  done: '#52c41a',
  side: '#faad14',
};
const STAGE_COLORS: Record<ProgressStage, string> = {
  listed: '#bfbfbf',
  disclosed: '#91caff',
  auditing: '#1765c1',
  reported: '#722ed1',
  evaluated: '#13c2c2',
  accepted: '#52c41a',
  other: '#faad14',
};

/** A figure that opens the rounds behind it (tables), or a plain 0. */
function Figure({ value, to }: { value: number; to: string }) {
  return value > 0 ? <Link to={to}>{value}</Link> : <Typography.Text type="secondary">0</Typography.Text>;
}

interface CardProps {
  data: Dashboard;
  /** The drill filters of the whole dashboard (listing year, district). */
  base: Drill;
}

export function MapCard({ data, base, onDistrict }: CardProps & { onDistrict: (code: string) => void }) {
  const { t, locale } = useT();
  const rows = data.byDistrict.filter((d) => d.total > 0).sort((a, b) => b.total - a.total);
  return (
    <ChartCard
      name="map"
      title={t('dashboards.map.title')}
      chart={
        <DistrictMap
          cityCode={data.scope.cityCode}
          districts={data.byDistrict}
          focus={data.scope.districtCode}
          dueSoonDays={data.dueSoonDays}
          onSelect={onDistrict}
        />
      }
      table={
        <Table<DashboardDistrict>
          size="small"
          rowKey="districtCode"
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.noData')} /> }}
          columns={[
            { title: t('dashboards.district'), key: 'name', render: (_: unknown, d) => nameOf(d, locale) },
            { title: t('dashboards.totals.rounds'), key: 'total', align: 'right', render: (_: unknown, d) => <Figure value={d.total} to={roundsLink({ ...base, districtCode: d.districtCode })} /> },
            { title: t('dashboards.totals.overdue'), key: 'overdue', align: 'right', render: (_: unknown, d) => <Figure value={d.overdue} to={roundsLink({ ...base, districtCode: d.districtCode, due: 'overdue' })} /> },
            { title: t('dashboards.totals.dueSoon', { days: data.dueSoonDays }), key: 'dueSoon', align: 'right', render: (_: unknown, d) => <Figure value={d.dueSoon} to={roundsLink({ ...base, districtCode: d.districtCode, due: data.dueSoonDays })} /> },
          ]}
        />
      }
    />
  );
}

export function StateCard({ data, base }: CardProps) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const option = useMemo(
    () =>
      barOption(
        data.byState.map((s) => ({ id: s.state, label: stateLabel(s.state, locale) })),
        [{ id: 'count', name: t('dashboards.rounds'), values: data.byState.map((s) => ({ value: s.count, itemStyle: { color: PHASE_COLORS[ROUND_STATE_PHASE[s.state]] ?? PALETTE[0] ?? '' } })) }],
        { horizontal: true, locale },
      ),
    [data.byState, locale, t],
  );
  return (
    <ChartCard
      name="states"
      title={t('dashboards.byState.title')}
      empty={data.byState.length === 0}
      chart={
        <EChart
          name="states"
          height={Math.max(220, 36 + data.byState.length * 30)}
          option={option}
          ariaLabel={t('dashboards.byState.title')}
          onClick={(e) => void navigate(roundsLink({ ...base, state: e.name as RoundState }))}
        />
      }
      table={
        <Table
          size="small"
          rowKey="state"
          pagination={false}
          dataSource={data.byState}
          columns={[
            { title: t('dashboards.byState.state'), key: 'state', render: (_: unknown, s: Dashboard['byState'][number]) => stateLabel(s.state, locale) },
            { title: t('dashboards.count'), key: 'count', align: 'right', render: (_: unknown, s: Dashboard['byState'][number]) => <Figure value={s.count} to={roundsLink({ ...base, state: s.state })} /> },
          ]}
        />
      }
    />
  );
}

export function DueCard({ data, base }: CardProps) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const rows = data.byDistrict.filter((d) => d.overdue + d.dueSoon > 0).sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  const dueSoonName = t('dashboards.due.dueSoon', { days: data.dueSoonDays });
  const option = useMemo(
    () =>
      barOption(
        rows.map((d) => ({ id: d.districtCode, label: nameOf(d, locale) })),
        [
          { id: 'overdue', name: t('dashboards.due.overdue'), values: rows.map((d) => d.overdue), color: '#cf1322' },
          { id: 'dueSoon', name: dueSoonName, values: rows.map((d) => d.dueSoon), color: '#faad14' },
        ],
        { horizontal: true, stacked: true, locale },
      ),
    [rows, locale, t, dueSoonName],
  );
  return (
    <ChartCard
      name="due"
      title={t('dashboards.due.title')}
      empty={rows.length === 0}
      chart={
        <EChart
          name="due"
          height={Math.max(200, 60 + rows.length * 30)}
          option={option}
          ariaLabel={t('dashboards.due.title')}
          onClick={(e) =>
            void navigate(roundsLink({ ...base, districtCode: e.name, due: e.seriesId === 'overdue' ? 'overdue' : data.dueSoonDays }))
          }
        />
      }
      table={
        <Table<DashboardDistrict>
          size="small"
          rowKey="districtCode"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('dashboards.district'), key: 'name', render: (_: unknown, d) => nameOf(d, locale) },
            { title: t('dashboards.due.overdue'), key: 'overdue', align: 'right', render: (_: unknown, d) => <Figure value={d.overdue} to={roundsLink({ ...base, districtCode: d.districtCode, due: 'overdue' })} /> },
            { title: dueSoonName, key: 'dueSoon', align: 'right', render: (_: unknown, d) => <Figure value={d.dueSoon} to={roundsLink({ ...base, districtCode: d.districtCode, due: data.dueSoonDays })} /> },
          ]}
        />
      }
    />
  );
}

function Milestones({ data }: { data: Dashboard }) {
  const { t } = useT();
  if (data.year === null) return <Typography.Paragraph type="secondary">{t('dashboards.progress.pickYear')}</Typography.Paragraph>;
  if (data.milestones.length === 0) return <Typography.Paragraph type="secondary">{t('dashboards.progress.noMilestones')}</Typography.Paragraph>;
  const days = (due: string) => Math.round((Date.parse(due) - Date.parse(data.today)) / 86_400_000);
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: 0 }}
      items={data.milestones.map((m) => ({
        color: m.passed ? 'gray' : 'blue',
        children: (
          <Space size={8} wrap>
            <b>{m.name}</b>
            <span>{t('dashboards.progress.milestoneDue', { date: m.dueOn })}</span>
            <Tag>{roleLabel(t, m.actorRole)}</Tag>
            {m.passed ? <Tag>{t('dashboards.progress.milestonePassed')}</Tag> : <Tag color="blue">{t('dashboards.progress.milestoneUpcoming', { days: days(m.dueOn) })}</Tag>}
          </Space>
        ),
      }))}
    />
  );
}

export function ProgressCard({ data, base }: CardProps) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const rows = data.byDistrict.filter((d) => d.total > 0).sort((a, b) => b.total - a.total);
  const stages = PROGRESS_STAGES.filter((s) => rows.some((d) => d.progress[s] > 0));
  const option = useMemo(
    () =>
      barOption(
        rows.map((d) => ({ id: d.districtCode, label: nameOf(d, locale) })),
        stages.map((s) => ({ id: s, name: PROGRESS_STAGE_LABELS[s][locale], values: rows.map((d) => d.progress[s]), color: STAGE_COLORS[s] })),
        { horizontal: true, stacked: true, locale },
      ),
    [rows, stages, locale],
  );
  return (
    <ChartCard
      name="progress"
      title={t('dashboards.progress.title')}
      empty={rows.length === 0}
      extra={null}
      chart={
        <>
          <Milestones data={data} />
          <EChart
            name="progress"
            height={Math.max(220, 70 + rows.length * 30)}
            option={option}
            ariaLabel={t('dashboards.progress.title')}
            onClick={(e) => void navigate(roundsLink({ ...base, districtCode: e.name, progress: e.seriesId as ProgressStage }))}
          />
        </>
      }
      table={
        <Table<DashboardDistrict>
          size="small"
          rowKey="districtCode"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: t('dashboards.district'), key: 'name', fixed: 'left', render: (_: unknown, d) => nameOf(d, locale) },
            ...PROGRESS_STAGES.map((s) => ({
              title: PROGRESS_STAGE_LABELS[s][locale],
              key: s,
              align: 'right' as const,
              render: (_: unknown, d: DashboardDistrict) => <Figure value={d.progress[s]} to={roundsLink({ ...base, districtCode: d.districtCode, progress: s })} />,
            })),
          ]}
        />
      }
    />
  );
}

