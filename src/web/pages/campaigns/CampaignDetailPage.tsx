import { useState } from 'react';
import { Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { EditOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { DeadlineRules } from '../../../shared/domain/deadlines';
import { campaignApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label, roleLabel } from '../../i18n/labels';
import { DaysLeft, daysUntil } from '../rounds/roundUi';
import { PublishListModal } from './PublishListModal';

export const RULE_FIELDS = ['discloseMonths', 'startMonths', 'reportMonths', 'acceptanceMonthsAfterEvaluation', 'toxicIntervalYears'] as const satisfies readonly (keyof DeadlineRules)[];

/** One campaign: notice, milestones with who acts, the deadline rules in force. */
export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const ref = useReferenceLookup();
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState(false);
  const { data, error, isPending, refetch } = useQuery({ queryKey: ['campaign', id], queryFn: () => campaignApi.get(id) });
  if (isPending) return <Loading />;
  if (error) return <ErrorResult record error={error} onRetry={() => void refetch()} />;
  const c = data;
  const milestones = [...c.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  return (
    <PageContainer
      title={`${c.year} · ${t('campaign.listTitle')}`}
      subTitle={c.noticeNo}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('campaign.listTitle'), to: '/campaigns' }, { title: String(c.year) }]}
      extra={
        <>
          <Button onClick={() => void navigate(`/rounds?campaignId=${c.id}`)}>{t('campaign.rounds')}</Button>
          {c.abilities.publish && (
            <Button icon={<NotificationOutlined />} onClick={() => setPublishing(true)}>
              {t('campaign.publish')}
            </Button>
          )}
          {c.abilities.update && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/campaigns/${c.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
        </>
      }
    >
      <Card title={t('campaign.basic')}>
        <Descriptions bordered column={2} size="middle" styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={label('year', locale)}>{c.year}</Descriptions.Item>
          <Descriptions.Item label={label('noticeNo', locale)}>{c.noticeNo ?? t('common.empty')}</Descriptions.Item>
          <Descriptions.Item label={label('title', locale)} span={2}>
            {c.title}
          </Descriptions.Item>
          <Descriptions.Item label={label('keyIndustryCodes', locale)} span={2}>
            {c.keyIndustryCodes.length === 0
              ? t('common.empty')
              : c.keyIndustryCodes.map((k) => (
                  <Tag key={k} color="geekblue" bordered={false} style={{ marginBottom: 4 }}>
                    {ref.keyIndustryName(k)}
                  </Tag>
                ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={label('milestones', locale)}>
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={milestones}
          locale={{ emptyText: t('campaign.noMilestones') }}
          columns={[
            { title: t('campaign.dueOn'), dataIndex: 'dueOn', key: 'dueOn', width: 120, render: (d: string) => <span className="mono">{d}</span> },
            { title: t('campaign.milestoneName'), dataIndex: 'name', key: 'name' },
            { title: t('campaign.actorRole'), key: 'actorRole', width: 140, render: (_: unknown, m) => roleLabel(t, m.actorRole) },
            { title: '', key: 'left', width: 130, render: (_: unknown, m) => <DaysLeft days={daysUntil(m.dueOn)} /> },
          ]}
        />
      </Card>
      <Card title={t('campaign.rules')} extra={<Typography.Text type="secondary">{t('campaign.rulesHint')}</Typography.Text>}>
        <Descriptions bordered column={3} size="middle">
          {RULE_FIELDS.map((f) => (
            <Descriptions.Item key={f} label={t(`campaign.${f}`)}>
              {f === 'toxicIntervalYears' ? t('campaign.years', { n: c.deadlineRules[f] }) : t('campaign.months', { n: c.deadlineRules[f] })}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Typography.Text type="secondary">
        <Link to={`/plan-entries?plannedYear=${c.year}`}>{t('plan.title')} · {c.year}</Link>
      </Typography.Text>
      <PublishListModal open={publishing} campaign={c} onClose={() => setPublishing(false)} />
    </PageContainer>
  );
}
