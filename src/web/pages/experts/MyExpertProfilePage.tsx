import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertDetail, ExpertProfileInput } from '../../../shared/contracts/experts';
import { isApiError } from '../../api/client';
import { expertApi } from '../../api/expertEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { ProfileFields, profileValues } from './ExpertModals';
import { AvailabilityEditor, TiesEditor } from './ExpertProfileParts';

const KEY = ['me', 'expert-profile'] as const;

/** 我的专家档案: the expert keeps their own profile, unavailable periods and declared ties. */
export default function MyExpertProfilePage() {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ExpertProfileInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = useQuery({ queryKey: KEY, queryFn: expertApi.mine, retry: false });
  useEffect(() => {
    if (mine.data) form.setFieldsValue(profileValues(mine.data));
  }, [mine.data, form]);
  if (mine.isPending) return <Loading />;
  if (mine.error) {
    if (isApiError(mine.error) && mine.error.status === 404) {
      return (
        <PageContainer title={t('experts.menu.mine')}>
          <Alert type="info" showIcon message={t('experts.detail.mineMissing')} />
        </PageContainer>
      );
    }
    return <ErrorResult error={mine.error} onRetry={() => void mine.refetch()} />;
  }
  const saved = (next: ExpertDetail) => queryClient.setQueryData(KEY, next);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      saved(await expertApi.saveMine({ ...values, industries: values.industries ?? [], expertise: values.expertise ?? [] }));
      void message.success(t('experts.list.saved'));
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, ['name', 'title', 'employer', 'industries', 'expertise', 'districtCode', 'phone', 'email']))) {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageContainer title={t('experts.menu.mine')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('experts.menu.mine') }]}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('experts.detail.profile')}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" name="myExpertProfile" style={{ maxWidth: 640 }}>
            <ProfileFields self />
            <Button type="primary" loading={busy} onClick={() => void submit()}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
        <AvailabilityEditor key={`a-${mine.data.updatedAt}`} expert={mine.data} expertId={null} onSaved={saved} />
        <TiesEditor key={`t-${mine.data.updatedAt}`} expert={mine.data} expertId={null} onSaved={saved} />
      </Space>
    </PageContainer>
  );
}
