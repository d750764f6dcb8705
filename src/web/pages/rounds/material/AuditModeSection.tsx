import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { AuditMode } from '../../../../shared/contracts/roundMaterial';
import type { RoundDetail } from '../../../../shared/contracts/rounds';
import { ACTIVE_ROUND_STATES, type RoundState } from '../../../../shared/domain/roundStates';
import { isApiError } from '../../../api/client';
import { materialApi } from '../../../api/endpoints';
import { useSession } from '../../../app/session';
import { ErrorResult } from '../../../components/ErrorResult';
import { Loading } from '../../../components/Loading';
import { useT } from '../../../i18n';
import { messageOf } from './materialUi';

interface Values {
  mode?: AuditMode;
  agencyId?: string;
}

const engagementKey = (id: string) => ['round', id, 'engagement'] as const;

/** 审核方式: self-audit or an agency engaged from the city's registry; the current engagement. */
export function AuditModeSection({ round }: { round: RoundDetail }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mayChoose = can('round.engage') && (ACTIVE_ROUND_STATES as readonly RoundState[]).includes(round.state);
  const engagement = useQuery({ queryKey: engagementKey(round.id), queryFn: () => materialApi.engagement(round.id) });
  const agencies = useQuery({ queryKey: ['round', round.id, 'agencies'], queryFn: () => materialApi.agencies(round.id), enabled: mayChoose });
  const mode = Form.useWatch('mode', form);
  const agencyId = Form.useWatch('agencyId', form);

  useEffect(() => {
    if (engagement.data) form.setFieldsValue({ mode: engagement.data.auditMode ?? undefined, agencyId: engagement.data.agency?.id });
  }, [engagement.data, form]);

  if (engagement.isPending) return <Loading />;
  if (engagement.isError) return <ErrorResult error={engagement.error} onRetry={() => void engagement.refetch()} />;
  const current = engagement.data;
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = v.mode === 'agency' ? { mode: 'agency' as const, agencyId: v.agencyId ?? '' } : { mode: 'self' as const };
      const next = await materialApi.chooseAuditMode(round.id, body);
      queryClient.setQueryData(engagementKey(round.id), next);
      void message.success(t('material.auditMode.saved'));
    } catch (e) {
      if (isApiError(e) && e.fields?.agencyId) form.setFields([{ name: 'agencyId', errors: [e.fields.agencyId] }]);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const losing = current.agency && (mode !== 'agency' || agencyId !== current.agency.id) ? current.agency.name : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 720 }} data-testid="audit-mode-section">
      <Descriptions column={1} size="small" bordered labelStyle={{ width: 200 }}>
        <Descriptions.Item label={t('material.auditMode.current')}>
          {current.auditMode ? t(`material.auditMode.${current.auditMode}`) : <Typography.Text type="warning">{t('material.auditMode.notChosen')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('material.auditMode.agencyName')}>{current.agency?.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('material.auditMode.engagedAt')}>
          {current.agency ? dayjs(current.agency.engagedAt).format('YYYY-MM-DD') : none}
        </Descriptions.Item>
      </Descriptions>
      {mayChoose && (
        <Form<Values> form={form} name="auditMode" layout="vertical">
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Form.Item name="mode" label={t('material.auditMode.choose')} rules={[{ required: true, message: t('material.auditMode.choose') }]}>
            <Radio.Group
              options={[
                { value: 'self', label: t('material.auditMode.self') },
                { value: 'agency', label: t('material.auditMode.agency') },
              ]}
            />
          </Form.Item>
          {mode === 'agency' && (
            <Form.Item
              name="agencyId"
              label={t('material.auditMode.chooseAgency')}
              extra={t('material.auditMode.agencyHint')}
              rules={[{ required: true, message: t('material.auditMode.agencyRequired') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={agencies.isPending}
                aria-label={t('material.auditMode.chooseAgency')}
                placeholder={t('material.auditMode.chooseAgency')}
                notFoundContent={t('material.auditMode.noAgencies')}
                options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          )}
          <Popconfirm
            title={t('material.auditMode.confirmTitle')}
            description={losing ? t('material.auditMode.confirmChange', { name: losing }) : t('material.auditMode.confirmPlain')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void save()}
          >
            <Button type="primary" loading={busy}>
              {t('material.auditMode.save')}
            </Button>
          </Popconfirm>
        </Form>
      )}
      {!mayChoose && <Typography.Text type="secondary">{t('material.readOnly')}</Typography.Text>}
    </Space>
  );
}
