import { Button, Card, Empty, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Campaign } from '../../../shared/contracts/campaigns';
import { campaignApi } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label, roleLabel } from '../../i18n/labels';
import { DaysLeft, daysUntil } from '../rounds/roundUi';

/** 年度工作: the city's campaigns, newest first, with their milestones. */
export default function CampaignListPage() {
  const { t, locale } = useT();
  const { can } = useSignedIn();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['campaigns', 'all'], queryFn: () => campaignApi.list({ pageSize: 100 }) });

  const columns: TableProps<Campaign>['columns'] = [
    { title: label('year', locale), dataIndex: 'year', key: 'year', width: 80, render: (y: number, row) => <Link to={`/campaigns/${row.id}`}>{y}</Link> },
    {
      title: label('title', locale),
      key: 'title',
      render: (_: unknown, row) => (
        <div className="cell-2">
          <Link to={`/campaigns/${row.id}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.noticeNo ?? t('common.empty')}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: label('milestones', locale),
      key: 'milestones',
      width: 460,
      render: (_: unknown, row) =>
        row.milestones.length === 0 ? (
          <Typography.Text type="secondary">{t('campaign.noMilestones')}</Typography.Text>
        ) : (
          <Space direction="vertical" size={2}>
            {[...row.milestones]
              .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
              .map((m) => (
                <Typography.Text key={m.id} ellipsis={{ tooltip: m.name }} style={{ maxWidth: 440, fontSize: 13 }}>
                  <span className="mono">{m.dueOn}</span> · {roleLabel(t, m.actorRole)} · {m.name}
                </Typography.Text>
              ))}
          </Space>
        ),
    },
    {
      title: t('campaign.nextMilestone'),
      key: 'next',
      width: 130,
      render: (_: unknown, row) => {
        const next = [...row.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).find((m) => daysUntil(m.dueOn) >= 0);
        return next ? <DaysLeft days={daysUntil(next.dueOn)} /> : <Typography.Text type="secondary">{t('campaign.allDone')}</Typography.Text>;
      },
    },
  ];

  return (
    <PageContainer
      title={t('campaign.listTitle')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('campaign.listTitle') }]}
      extra={
        can('campaign.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/campaigns/new')}>
            {t('campaign.create')}
          </Button>
        )
      }
    >
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Campaign>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('campaign.empty')} /> }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
