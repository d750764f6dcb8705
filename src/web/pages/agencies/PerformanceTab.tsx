import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgencyPerformance } from '../../../shared/contracts/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { MetricTitle, metricText, type MetricKey } from './agencyParts';

const CARDS: readonly MetricKey[] = [
  'roundsServed',
  'activeRounds',
  'firstPassRate',
  'averageEvaluationScore',
  'averageAcceptanceScore',
  'returnsForCorrection',
  'overdueRounds',
  'spotChecked',
  'spotCheckProblems',
  'falsificationPenalties',
];

type YearRow = AgencyPerformance['years'][number];
/** Figures shown in red when not zero. */
const WARN: readonly MetricKey[] = ['overdueRounds', 'spotCheckProblems', 'falsificationPenalties'];

/** 绩效档案: the figures computed from the rounds' outcomes, in total and per listing year; definitions as tooltips. */
export function PerformanceTab({ agencyId }: { agencyId: string }) {
  const { t } = useT();
  const [year, setYear] = useState<number | undefined>(undefined);
  const all = useQuery({ queryKey: ['agencies', agencyId, 'performance'], queryFn: () => agencyApi.performance(agencyId) });
  const chosen = useQuery({
    queryKey: ['agencies', agencyId, 'performance', year],
    queryFn: () => agencyApi.performance(agencyId, year),
    enabled: year !== undefined,
  });
  if (all.isPending) return <Loading />;
  if (all.isError) return <ErrorResult error={all.error} onRetry={() => void all.refetch()} />;
  const data = all.data;
  const total = year !== undefined && chosen.data ? chosen.data.total : data.total;
  const none = t('agencies.performance.none');

  const columns: TableProps<YearRow>['columns'] = [
    { title: t('agencies.performance.year'), dataIndex: 'year', key: 'year', width: 100 },
    ...CARDS.map((metric) => ({
      title: <MetricTitle metric={metric} />,
      key: metric,
      align: 'right' as const,
      render: (_: unknown, row: YearRow) => {
        if (metric === 'firstPassRate' && row.firstEvaluations > 0) {
          return (
            <Space size={4}>
              {metricText(row, metric, none)}
              <Typography.Text type="secondary">
                ({t('agencies.performance.fraction', { passed: row.firstEvaluationsPassed, total: row.firstEvaluations })})
              </Typography.Text>
            </Space>
          );
        }
        if (WARN.includes(metric) && Number(row[metric as keyof YearRow]) > 0) {
          return <Typography.Text type="danger">{metricText(row, metric, none)}</Typography.Text>;
        }
        return metricText(row, metric, none);
      },
    })),
  ];

  return (
    <div data-testid="agency-performance">
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('agencies.performance.asOf', { date: data.asOf })}</Typography.Text>
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('agencies.list.yearAll')}
          aria-label={t('agencies.list.year')}
          value={year}
          onChange={(v: number | undefined) => setYear(v)}
          options={data.years.map((y) => ({ value: y.year, label: String(y.year) }))}
        />
      </Space>
      <Row gutter={[16, 16]}>
        {CARDS.map((metric) => (
          <Col key={metric} xs={12} md={8} xl={6}>
            <Card size="small" style={{ height: '100%' }} data-testid={`metric-${metric}`}>
              <Statistic
                title={<MetricTitle metric={metric} />}
                value={metricText(total, metric, none)}
                valueStyle={WARN.includes(metric) && Number(total[metric as keyof typeof total]) > 0 ? { color: '#cf1322' } : undefined}
              />
              {metric === 'firstPassRate' && total.firstEvaluations > 0 && (
                <Typography.Text type="secondary">
                  {t('agencies.performance.fraction', { passed: total.firstEvaluationsPassed, total: total.firstEvaluations })}
                </Typography.Text>
              )}
              {metric === 'averageEvaluationScore' && (
                <Typography.Text type="secondary">{t('agencies.performance.panels', { count: total.evaluationPanels })}</Typography.Text>
              )}
              {metric === 'averageAcceptanceScore' && (
                <Typography.Text type="secondary">{t('agencies.performance.panels', { count: total.acceptancePanels })}</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Alert type="info" showIcon style={{ margin: '16px 0' }} message={t('agencies.performance.scopeNote')} />
      <Card size="small" title={t('agencies.performance.perYear')}>
        <Table<YearRow>
          rowKey="year"
          size="small"
          columns={columns}
          dataSource={data.years}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('agencies.performance.empty')} /> }}
        />
      </Card>
    </div>
  );
}
