import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { SubmissionStatus } from '../../../shared/contracts/statistics';
import { statisticsApi } from '../../api/statisticsEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';
import { SubmissionPanel } from './SubmissionPanel';
import { SubmissionTag } from './summaryUi';

/** The city's view: every district's submission, who is overdue against the milestone, and the review drawer. */
export function SubmissionsOverview({ year, open, onOpen }: { year: number; open: string | null; onOpen: (district: string | null) => void }) {
  const { t, locale } = useT();
  const overview = useQuery({ queryKey: ['statistics', 'overview', year], queryFn: () => statisticsApi.overview(year) });
  if (overview.isError) return <ErrorResult error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {o && (
        <Alert
          type={o.counts.overdue ? 'warning' : 'info'}
          showIcon
          message={o.milestone ? t('statistics.review.milestone', { name: o.milestone.name, due: o.milestone.dueOn }) : t('statistics.review.noMilestone')}
          description={t('statistics.review.counts', o.counts)}
          data-testid="submissions-counts"
        />
      )}
      <Table<SubmissionStatus>
        rowKey="districtCode"
        size="small"
        loading={overview.isLoading}
        dataSource={o?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="submissions-table"
        columns={[
          { title: t('statistics.district'), dataIndex: 'districtName', key: 'district', width: 160 },
          { title: t('statistics.status'), key: 'state', width: 140, render: (_: unknown, r) => <SubmissionTag state={r.state} locale={locale} none={t('statistics.notSaved')} /> },
          { title: t('statistics.review.submittedAt'), key: 'submittedAt', width: 200, render: (_: unknown, r) => when(r.submittedAt) },
          {
            title: o?.milestone?.dueOn ?? '',
            key: 'timeliness',
            width: 140,
            render: (_: unknown, r) =>
              r.overdue ? (
                <Tag color="error" bordered={false}>{t('statistics.review.overdue')}</Tag>
              ) : r.late ? (
                <Tag color="warning" bordered={false}>{t('statistics.review.late')}</Tag>
              ) : r.firstSubmittedAt && o?.milestone ? (
                <Typography.Text type="secondary">{t('statistics.review.onTime')}</Typography.Text>
              ) : null,
          },
          {
            title: '',
            key: 'open',
            width: 100,
            render: (_: unknown, r) => (
              <Button type="link" size="small" onClick={() => onOpen(r.districtCode)} data-testid={`open-submission-${r.districtCode}`}>
                {t('statistics.review.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={open !== null} width={860} onClose={() => onOpen(null)} destroyOnHidden title={t('statistics.tabs.submissions')}>
        {open && <SubmissionPanel year={year} district={open} />}
      </Drawer>
    </Space>
  );
}
