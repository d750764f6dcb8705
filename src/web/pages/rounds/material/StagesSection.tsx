import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Progress, Space, Steps, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { RoundDetail } from '../../../../shared/contracts/rounds';
import { AUDIT_STAGE_HINTS, AUDIT_STAGE_LABELS } from '../../../../shared/domain/auditStages';
import { isApiError } from '../../../api/client';
import { stageApi } from '../../../api/endpoints';
import { useSession } from '../../../app/session';
import { ErrorResult } from '../../../components/ErrorResult';
import { Loading } from '../../../components/Loading';
import { useT } from '../../../i18n';
import { messageOf } from './materialUi';

interface Values {
  completedOn?: Dayjs;
  note?: string;
}

const stagesKey = (id: string) => ['round', id, 'stages'] as const;

/** 审核进度: the seven audit stages as steps with their dates, and the form completing the next one. */
export function StagesSection({ round }: { round: RoundDetail }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({ queryKey: stagesKey(round.id), queryFn: () => stageApi.get(round.id) });
  const date = Form.useWatch('completedOn', form);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const done = p.stages.filter((s) => s.completedOn).length;
  const next = p.nextStage;
  const nextLabel = next ? AUDIT_STAGE_LABELS[next][locale] : '';
  const previousDate = done > 0 ? p.stages[done - 1]?.completedOn : null;

  const submit = async () => {
    if (!next) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await stageApi.complete(round.id, next, {
        completedOn: (v.completedOn ?? dayjs()).format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      });
      queryClient.setQueryData(stagesKey(round.id), updated);
      form.resetFields();
      void message.success(t('material.stages.saved', { stage: nextLabel }));
    } catch (e) {
      if (isApiError(e) && e.fields) {
        form.setFields(
          Object.entries(e.fields)
            .filter((entry): entry is ['completedOn' | 'note', string] => entry[0] === 'completedOn' || entry[0] === 'note')
            .map(([k, msg]) => ({ name: k, errors: [msg] })),
        );
      }
      setError(messageOf(e));
      if (isApiError(e) && e.status === 409) void query.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={20} style={{ width: '100%' }} data-testid="stages-section">
      <Space size={16} align="center">
        <Typography.Text strong>{t('material.stages.title')}</Typography.Text>
        <Progress percent={Math.round((done / 7) * 100)} steps={7} size="small" format={() => t('material.stages.done', { n: done })} />
      </Space>
      <Steps
        direction="vertical"
        size="small"
        current={next ? done : 7}
        items={p.stages.map((s) => ({
          title: AUDIT_STAGE_LABELS[s.stage][locale],
          status: s.completedOn ? 'finish' : s.stage === next && p.open ? 'process' : 'wait',
          subTitle: s.completedOn ? `${t('material.stages.completedOn')}：${s.completedOn}` : undefined,
          description: (
            <div>
              <Typography.Text type="secondary">{AUDIT_STAGE_HINTS[s.stage][locale]}</Typography.Text>
              {s.note && <div style={{ whiteSpace: 'pre-wrap' }}>{s.note}</div>}
              {s.recordedBy && s.recordedAt && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('material.stages.recordedBy', { user: s.recordedBy, at: dayjs(s.recordedAt).format('YYYY-MM-DD HH:mm') })}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        }))}
      />
      {!next && <Alert type="success" showIcon message={t('material.stages.allDone')} />}
      {next && !p.open && <Alert type="info" showIcon message={t('material.stages.notOpen')} />}
      {next && p.open && can('round.material.edit') && (
        <Form<Values> form={form} name="stageComplete" layout="vertical" style={{ maxWidth: 560 }}>
          <Typography.Title level={5}>{t('material.stages.completeNext', { stage: nextLabel })}</Typography.Title>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="completedOn"
            label={t('material.stages.completedOn')}
            required
            rules={[{ required: true, message: t('material.stages.dateRequired') }]}
          >
            <DatePicker
              aria-label={t('material.stages.completedOn')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || (previousDate ? d.isBefore(dayjs(previousDate), 'day') : false)}
            />
          </Form.Item>
          <Form.Item name="note" label={t('material.stages.note')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount aria-label={t('material.stages.note')} placeholder={t('material.stages.notePlaceholder')} />
          </Form.Item>
          <Popconfirm
            title={t('material.stages.confirm', { stage: nextLabel, date: date ? date.format('YYYY-MM-DD') : '—' })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => void submit()}
            disabled={!date}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => !date && void form.validateFields()}>
              {t('material.stages.submit')}
            </Button>
          </Popconfirm>
        </Form>
      )}
    </Space>
  );
}
