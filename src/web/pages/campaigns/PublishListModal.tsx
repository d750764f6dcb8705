import { useState } from 'react';
import { Alert, App, DatePicker, Form, Modal, Select, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign } from '../../../shared/contracts/campaigns';
import { campaignApi, planApi } from '../../api/endpoints';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

/**
 * Approved entries of a year that no round came from yet. The list API has no "unpublished" filter,
 * so the approved entries are read (up to 100 per page) and counted here.
 */
async function countUnpublished(year: number): Promise<number> {
  let page = 1;
  let count = 0;
  for (;;) {
    const data = await planApi.list({ plannedYear: year, status: 'approved', pageSize: 100, page });
    count += data.items.filter((e) => e.roundId === null).length;
    if (page * 100 >= data.total || page >= 20) return count;
    page += 1;
  }
}

/** 公布名单: pick the campaign (unless given) and the publication date; says how many entries become rounds. */
export function PublishListModal({
  open,
  campaign,
  onClose,
}: {
  open: boolean;
  /** Fixed campaign (on the campaign page); otherwise the user picks one. */
  campaign?: Campaign;
  onClose: () => void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ campaignId?: string; publishedOn?: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const campaigns = useQuery({
    queryKey: ['campaigns', 'all'],
    queryFn: () => campaignApi.list({ pageSize: 100 }),
    enabled: open && !campaign,
  });
  const picked = Form.useWatch('campaignId', form);
  const chosen = campaign ?? campaigns.data?.items.find((c) => c.id === picked);
  const count = useQuery({
    queryKey: ['plan-entries', 'unpublished', chosen?.year],
    queryFn: () => countUnpublished(chosen?.year ?? 0),
    enabled: open && Boolean(chosen),
  });

  const submit = async () => {
    let values: { campaignId?: string; publishedOn?: Dayjs };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!chosen || !values.publishedOn) return;
    setBusy(true);
    setError(null);
    try {
      const result = await campaignApi.publish(chosen.id, values.publishedOn.format('YYYY-MM-DD'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plan-entries'] }),
        queryClient.invalidateQueries({ queryKey: ['rounds'] }),
      ]);
      void message.success(t('plan.publishedDone', { count: result.roundIds.length }));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const n = count.data ?? 0;
  return (
    <Modal
      open={open}
      title={t('plan.publishTitle', { year: chosen?.year ?? '' })}
      okText={t('plan.publishConfirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !chosen || count.isPending || n === 0 }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="publishList" layout="vertical" preserve={false} initialValues={{ publishedOn: dayjs() }}>
        {!campaign && (
          <Form.Item name="campaignId" label={t('plan.publishCampaign')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              aria-label={t('plan.publishCampaign')}
              loading={campaigns.isPending}
              options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.year} · ${c.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="publishedOn" label={label('publishedOn', locale)} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} aria-label={label('publishedOn', locale)} />
        </Form.Item>
      </Form>
      {chosen &&
        (count.isPending ? (
          <Spin size="small" />
        ) : (
          <Alert
            type={n > 0 ? 'info' : 'warning'}
            showIcon
            data-testid="publish-count"
            message={
              <Typography.Text>
                {n > 0 ? t('plan.publishCount', { count: n }) : t('plan.publishNone', { year: chosen.year })}
              </Typography.Text>
            }
          />
        ))}
    </Modal>
  );
}
