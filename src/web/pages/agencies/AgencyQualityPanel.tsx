import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { OPTION_RULE_CODES, OPTION_RULE_LABELS, type OptionRuleCode } from '../../../shared/domain/options';
import { similarityApi } from '../../api/spotCheckEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';

/**
 * Report quality of an agency's audits (self-contained, for the agency page): option quality warnings per rule
 * over the rounds it served in the viewer's area, and its near-duplicate texts with other rounds.
 * Needs the `agencyQuality.read` permission (city and district bureaus).
 */
export function AgencyQualityPanel({ agencyId }: { agencyId: string }) {
  const { t, locale } = useT();
  const query = useQuery({ queryKey: ['agencies', agencyId, 'quality'], queryFn: () => similarityApi.agencyQuality(agencyId) });
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  return (
    <Card title={t('similarity.agencyTitle')} loading={query.isPending} data-testid="agency-quality">
      {q && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('similarity.agencyRounds')} value={q.roundCount} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('similarity.agencyOptions')} value={q.optionCount} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('similarity.agencyRoundsWithWarnings')} value={q.roundsWithWarnings} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('similarity.agencyPairs')}
                value={q.similarPairs}
                valueStyle={q.similarPairs ? { color: '#cf1322' } : undefined}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`${t('similarity.agencySamePairs')} ${q.sameAgencyPairs}`}
                  </Typography.Text>
                }
              />
            </Col>
          </Row>
          <Table<{ code: OptionRuleCode; count: number }>
            style={{ marginTop: 16 }}
            size="small"
            rowKey="code"
            pagination={false}
            title={() => <Typography.Text strong>{t('similarity.agencyWarnings')}</Typography.Text>}
            dataSource={OPTION_RULE_CODES.map((code) => ({ code, count: q.warnings[code] }))}
            columns={[
              { title: t('options.rules.menu'), key: 'rule', render: (_: unknown, row) => OPTION_RULE_LABELS[row.code][locale] },
              { title: t('similarity.agencyWarningCount'), dataIndex: 'count', key: 'count', width: 120 },
            ]}
            locale={{ emptyText: <Empty /> }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('similarity.agencyHint', { pct: Math.round(q.threshold * 100) })}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
