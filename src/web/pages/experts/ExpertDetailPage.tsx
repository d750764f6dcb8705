import { useState } from 'react';
import { Button, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { ExpertDetail } from '../../../shared/contracts/experts';
import { expertApi } from '../../api/expertEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { ExpertFormModal } from './ExpertModals';
import { AvailabilityEditor, ProfileDescriptions, RecordTables, TiesEditor } from './ExpertProfileParts';

/** 专家库 → one expert (city): profile, unavailable periods, declared ties, the expert record. */
export default function ExpertDetailPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const expert = useQuery({ queryKey: ['experts', id], queryFn: () => expertApi.get(id) });
  const record = useQuery({ queryKey: ['experts', id, 'record'], queryFn: () => expertApi.record(id) });
  if (expert.isPending) return <Loading />;
  if (expert.error) return <ErrorResult error={expert.error} onRetry={() => void expert.refetch()} />;
  const saved = (next: ExpertDetail) => {
    queryClient.setQueryData(['experts', id], next);
    void queryClient.invalidateQueries({ queryKey: ['experts'] });
  };
  return (
    <PageContainer
      title={expert.data.name}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('experts.list.title'), to: '/experts' }, { title: expert.data.name }]}
      extra={
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('experts.list.edit')}
        </Button>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProfileDescriptions expert={expert.data} />
        <AvailabilityEditor key={`a-${expert.data.updatedAt}`} expert={expert.data} expertId={id} onSaved={saved} />
        <TiesEditor key={`t-${expert.data.updatedAt}`} expert={expert.data} expertId={id} onSaved={saved} />
        {record.data && <RecordTables record={record.data} />}
        {record.error && <ErrorResult error={record.error} onRetry={() => void record.refetch()} />}
      </Space>
      <ExpertFormModal
        open={editing}
        expert={expert.data}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          saved(next);
        }}
      />
    </PageContainer>
  );
}
