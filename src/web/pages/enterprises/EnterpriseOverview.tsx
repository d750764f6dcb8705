import { Alert, Card, Space, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { EnterpriseOverview as Overview } from '../../../shared/contracts/enterpriseOverview';
import { CASE_STATUS_LABELS, MEASURE_LABELS, VIOLATION_TYPE_LABELS } from '../../../shared/domain/enforcement';
import { OPTION_CATEGORY_LABELS, OPTION_STATUS_LABELS } from '../../../shared/domain/options';
import { SPOT_CHECK_CATEGORY_LABELS, SPOT_CHECK_RESULT_LABELS } from '../../../shared/domain/spotChecks';
import { overviewApi } from '../../api/overviewEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT, type TFunction } from '../../i18n';
import { ReasonTags, StateTag } from '../rounds/roundUi';

type Row<K extends keyof Overview> = Overview[K] extends readonly (infer R)[] ? R : never;
type Decision = Row<'rounds'>['evaluation'];

const roundLink = (id: string, year: number) => <Link to={`/rounds/${id}`}>{year}</Link>;

function DecisionCell({ decision, t }: { decision: Decision; t: TFunction }) {
  if (!decision) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {t('overview.rounds.score', { score: decision.score ?? '—', grade: decision.grade ? t(`reviews.grades.${decision.grade}`) : '—' })}
      <Typography.Text type="secondary"> · {decision.decidedOn}</Typography.Text>
    </span>
  );
}

/** The 360° view of one enterprise for bureau users: one request, five tabs. */
export function EnterpriseOverview({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useT();
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['enterprise', enterpriseId, 'overview'],
    queryFn: () => overviewApi.get(enterpriseId),
  });
  if (isPending) return <Loading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const common = { size: 'small', pagination: { pageSize: 10, hideOnSinglePage: true }, scroll: { x: 'max-content' } } as const;
  const rounds: TableProps<Row<'rounds'>>['columns'] = [
    { title: t('overview.rounds.year'), key: 'year', render: (_, r) => roundLink(r.id, r.listingYear) },
    { title: t('overview.rounds.state'), key: 'state', render: (_, r) => <StateTag state={r.state} /> },
    { title: t('overview.rounds.reasons'), key: 'reasons', render: (_, r) => <ReasonTags reasons={r.reasons} /> },
    {
      title: t('overview.rounds.agency'),
      key: 'agency',
      render: (_, r) => r.agencyName ?? (r.auditMode === 'self' ? t('overview.rounds.selfAudit') : '—'),
    },
    { title: t('overview.rounds.evaluation'), key: 'evaluation', render: (_, r) => <DecisionCell decision={r.evaluation} t={t} /> },
    { title: t('overview.rounds.acceptance'), key: 'acceptance', render: (_, r) => <DecisionCell decision={r.acceptance} t={t} /> },
    { title: t('overview.rounds.options'), key: 'options', render: (_, r) => `${r.optionCount} (${r.implementedCount})` },
    { title: t('overview.rounds.nextDue'), dataIndex: 'nextDueOn', render: (v: string | null) => v ?? '—' },
  ];
  const options: TableProps<Row<'options'>>['columns'] = [
    { title: t('overview.options.year'), key: 'year', render: (_, o) => roundLink(o.roundId, o.listingYear) },
    { title: t('overview.options.seq'), dataIndex: 'seq' },
    { title: t('overview.options.name'), dataIndex: 'name' },
    { title: t('overview.options.category'), key: 'category', render: (_, o) => OPTION_CATEGORY_LABELS[o.category][locale] },
    { title: t('overview.options.status'), key: 'status', render: (_, o) => OPTION_STATUS_LABELS[o.status][locale] },
    { title: t('overview.options.investment'), dataIndex: 'investment', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('overview.options.effective'), dataIndex: 'actualEffectiveOn', render: (v: string | null) => v ?? '—' },
  ];
  const cases: TableProps<Row<'cases'>>['columns'] = [
    { title: t('overview.cases.type'), key: 'type', render: (_, c) => VIOLATION_TYPE_LABELS[c.violationType][locale] },
    { title: t('overview.cases.measure'), key: 'measure', render: (_, c) => MEASURE_LABELS[c.measure][locale] },
    { title: t('overview.cases.opened'), dataIndex: 'openedOn' },
    { title: t('overview.cases.decision'), dataIndex: 'decisionNo', render: (v: string | null) => v ?? '—' },
    { title: t('overview.cases.decided'), dataIndex: 'decidedOn', render: (v: string | null) => v ?? '—' },
    { title: t('overview.cases.fine'), dataIndex: 'fineAmount', align: 'right', render: (v: number | null) => v?.toLocaleString() ?? '—' },
    { title: t('overview.cases.status'), key: 'status', render: (_, c) => CASE_STATUS_LABELS[c.status][locale] },
  ];
  const credit: TableProps<Row<'creditRecords'>>['columns'] = [
    {
      title: t('overview.credit.kind'),
      key: 'kind',
      render: (_, c) => (
        <Tag color={c.kind === 'positive' ? 'green' : 'red'} bordered={false}>
          {t(`overview.credit.${c.kind}`)}
        </Tag>
      ),
    },
    { title: t('overview.credit.recordedOn'), dataIndex: 'recordedOn' },
    { title: t('overview.credit.description'), key: 'description', render: (_, c) => (locale === 'en' ? c.descriptionEn : c.descriptionZh) },
  ];
  const spotChecks: TableProps<Row<'spotChecks'>>['columns'] = [
    {
      title: t('overview.spotChecks.title'),
      key: 'title',
      render: (_, s) => (
        <Space>
          <Link to={`/spot-checks/${s.spotCheckId}`}>{s.title}</Link>
          {!s.published && <Tag bordered={false}>{t('overview.spotChecks.unpublished')}</Tag>}
        </Space>
      ),
    },
    { title: t('overview.spotChecks.year'), key: 'year', render: (_, s) => roundLink(s.roundId, s.listingYear) },
    {
      title: t('overview.spotChecks.result'),
      key: 'result',
      render: (_, s) => (
        <Tag color={s.result === 'problems' ? 'red' : s.result === 'conforming' ? 'green' : 'default'} bordered={false}>
          {SPOT_CHECK_RESULT_LABELS[s.result][locale]}
        </Tag>
      ),
    },
    { title: t('overview.spotChecks.categories'), key: 'categories', render: (_, s) => s.categories.map((c) => SPOT_CHECK_CATEGORY_LABELS[c][locale]).join('、') || '—' },
    { title: t('overview.spotChecks.checkedOn'), dataIndex: 'checkedOn', render: (v: string | null) => v ?? '—' },
  ];

  const tab = <T extends object>(key: string, label: string, rows: T[], columns: TableProps<T>['columns'], empty: string, rowKey: keyof T & string) => ({
    key,
    label: `${label} (${rows.length})`,
    children: <Table<T> {...common} rowKey={rowKey} dataSource={rows} columns={columns} locale={{ emptyText: empty }} />,
  });

  return (
    <Card title={t('overview.title')} data-testid="enterprise-overview">
      <Typography.Paragraph type="secondary">{t('overview.hint')}</Typography.Paragraph>
      {data.disclosureScope?.inScope && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('overview.disclosureScope', { since: data.disclosureScope.since, reason: data.disclosureScope.reason })}
        />
      )}
      {data.truncated.length > 0 && <Alert type="info" style={{ marginBottom: 12 }} message={t('overview.truncated')} />}
      <Tabs
        items={[
          tab('rounds', t('overview.tabs.rounds'), data.rounds, rounds, t('overview.rounds.empty'), 'id'),
          tab('options', t('overview.tabs.options'), data.options, options, t('overview.options.empty'), 'id'),
          tab('cases', t('overview.tabs.cases'), data.cases, cases, t('overview.cases.empty'), 'id'),
          tab('credit', t('overview.tabs.credit'), data.creditRecords, credit, t('overview.credit.empty'), 'id'),
          tab('spotChecks', t('overview.tabs.spotChecks'), data.spotChecks, spotChecks, t('overview.spotChecks.empty'), 'itemId'),
        ]}
      />
    </Card>
  );
}
