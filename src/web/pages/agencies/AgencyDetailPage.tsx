import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import type { AgencyDetail } from '../../../shared/contracts/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer, type Crumb } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { AgencyFormModal, StatusTag } from './agencyParts';
import { AgencyQualityPanel } from './AgencyQualityPanel';
import { AuditorsTab } from './AuditorsTab';
import { FeedbackTab } from './FeedbackTab';
import { PerformanceTab } from './PerformanceTab';
import { RoundsTab } from './RoundsTab';
import { StatusTab } from './StatusTab';

const TABS = ['profile', 'auditors', 'rounds', 'performance', 'feedback', 'status'] as const;
type Tab = (typeof TABS)[number];

/** One agency: profile, auditors, rounds served, performance, district feedback, status history (tab kept in the URL). */
export function AgencyView({ agency, own = false }: { agency: AgencyDetail; own?: boolean }) {
  const { t, locale } = useT();
  const { can } = useSignedIn();
  const ref = useReferenceLookup();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'profile';
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const a = agency;
  const contactsOnly = !a.abilities.update && a.abilities.updateContacts;

  const breadcrumb: Crumb[] =
    !own && can('agency.list')
      ? [{ title: t('menu.home'), to: '/' }, { title: t('agencies.list.title'), to: '/agencies' }, { title: a.name }]
      : [{ title: t('menu.home'), to: '/' }, { title: t('agencies.mine.title') }];

  const profile = (
    <Card>
      <Descriptions bordered column={2} size="middle" styles={{ label: { width: 170 } }}>
        <Descriptions.Item label={t('agencies.list.name')}>{a.name}</Descriptions.Item>
        <Descriptions.Item label={label('creditCode', locale)}>{a.creditCode ? <span className="mono">{a.creditCode}</span> : none}</Descriptions.Item>
        <Descriptions.Item label={label('legalRepresentative', locale)}>{a.legalRepresentative ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.detail.registeredDistrict')}>
          {a.districtCode ? ref.districtName(a.districtCode, a.districtName) : none}
        </Descriptions.Item>
        <Descriptions.Item label={label('address', locale)} span={2}>
          {a.address ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={label('contactName', locale)}>{a.contactName ?? none}</Descriptions.Item>
        <Descriptions.Item label={label('contactPhone', locale)}>{a.contactPhone ?? none}</Descriptions.Item>
        <Descriptions.Item label={label('contactEmail', locale)}>{a.contactEmail ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.detail.auditorCount')}>{a.auditorCount}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.detail.serviceDistricts')} span={2}>
          {a.serviceDistrictCodes.length ? (
            <Space size={[4, 4]} wrap>
              {a.serviceDistrictCodes.map((c) => (
                <Tag key={c} bordered={false} color="blue">
                  {ref.districtName(c)}
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('agencies.detail.noneServed')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('agencies.list.status')} span={2}>
          <Space>
            <StatusTag status={a.status} />
            {a.statusChangedAt && (
              <Typography.Text type="secondary">{t('agencies.detail.statusSince', { at: dayjs(a.statusChangedAt).format('YYYY-MM-DD') })}</Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );

  const items = [
    { key: 'profile', label: t('agencies.detail.tabs.profile'), children: profile },
    { key: 'auditors', label: t('agencies.detail.tabs.auditors'), children: <AuditorsTab agencyId={a.id} canManage={a.abilities.manageAuditors} /> },
    { key: 'rounds', label: t('agencies.detail.tabs.rounds'), children: <RoundsTab agencyId={a.id} /> },
    {
      key: 'performance',
      label: t('agencies.detail.tabs.performance'),
      children: (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <PerformanceTab agencyId={a.id} />
          {can('agencyQuality.read') && <AgencyQualityPanel agencyId={a.id} />}
        </Space>
      ),
    },
    { key: 'feedback', label: t('agencies.detail.tabs.feedback'), children: <FeedbackTab agencyId={a.id} /> },
    { key: 'status', label: t('agencies.detail.tabs.status'), children: <StatusTab agency={a} /> },
  ];

  return (
    <PageContainer
      title={a.name}
      subTitle={
        <Space>
          {a.creditCode && <span className="mono">{a.creditCode}</span>}
          <StatusTag status={a.status} />
        </Space>
      }
      breadcrumb={breadcrumb}
      extra={
        (a.abilities.update || a.abilities.updateContacts) && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {contactsOnly ? t('agencies.detail.editContacts') : t('agencies.detail.edit')}
          </Button>
        )
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === 'profile') next.delete('tab');
            else next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={items}
        />
      </Card>
      <AgencyFormModal open={editing} agency={a} contactsOnly={contactsOnly} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </PageContainer>
  );
}

export default function AgencyDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['agencies', id, 'detail'], queryFn: () => agencyApi.get(id) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorResult record error={query.error} onRetry={() => void query.refetch()} />;
  return <AgencyView agency={query.data} />;
}
