import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { SpotCheckDetail, SpotCheckItem } from '../../../shared/contracts/spotChecks';
import { SPOT_CHECK_CATEGORIES, type SpotCheckCategory } from '../../../shared/domain/spotChecks';
import { ApiError } from '../../api/client';
import { spotCheckApi } from '../../api/spotCheckEndpoints';
import { applyServerFieldErrors } from '../../components/form';
import { useT } from '../../i18n';

interface ModalProps {
  detail: SpotCheckDetail;
  onClose: () => void;
  onSaved: (d: SpotCheckDetail) => void;
}

function useSave<V>(form: ReturnType<typeof Form.useForm<V>>[0], fieldNames: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError) {
        if (!applyServerFieldErrors(form, e, fieldNames)) setError(e.message);
      } else setError(String(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, run };
}

/** The city names the checkers of a sampled round: bureau staff of the city or the round's district, or external names. */
export function CheckersModal({ detail, item, onClose, onSaved }: ModalProps & { item: SpotCheckItem }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ checkerUserIds: string[]; checkerNames: string[] }>();
  const { saving, error, run } = useSave(form, ['checkerUserIds', 'checkerNames']);
  const candidates = useQuery({
    queryKey: ['spotChecks', 'checkerCandidates', item.districtCode],
    queryFn: () => spotCheckApi.checkerCandidates(item.districtCode),
  });
  return (
    <Modal
      open
      title={`${t('spotChecks.checkers.title')} — ${item.enterpriseName}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ checkerUserIds: item.checkers.map((c) => c.id), checkerNames: item.checkerNames }}
        onFinish={(v) =>
          void run(async () => {
            onSaved(await spotCheckApi.assign(detail.id, item.id, { checkerUserIds: v.checkerUserIds ?? [], checkerNames: v.checkerNames ?? [] }));
            void message.success(t('spotChecks.checkers.saved'));
            onClose();
          })
        }
      >
        <Form.Item name="checkerUserIds" label={t('spotChecks.checkers.users')}>
          <Select
            mode="multiple"
            loading={candidates.isPending}
            optionFilterProp="label"
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item name="checkerNames" label={t('spotChecks.checkers.names')}>
          <Select mode="tags" open={false} placeholder={t('spotChecks.checkers.namesPlaceholder')} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

interface FindingValues {
  result: 'conforming' | 'problems';
  categories: SpotCheckCategory[];
  description?: string;
  checkedOn: Dayjs;
}

/** Records the finding of a sampled round (conforming, or problems with categories and a description). */
export function FindingModal({ detail, item, onClose, onSaved }: ModalProps & { item: SpotCheckItem }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FindingValues>();
  const { saving, error, run } = useSave(form, ['result', 'categories', 'description', 'checkedOn']);
  const result = Form.useWatch('result', form);
  return (
    <Modal
      open
      title={t('spotChecks.finding.title', { name: item.enterpriseName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<FindingValues>
        form={form}
        layout="vertical"
        initialValues={{
          result: item.result === 'problems' ? 'problems' : 'conforming',
          categories: item.categories,
          description: item.description ?? undefined,
          checkedOn: item.checkedOn ? dayjs(item.checkedOn) : dayjs(),
        }}
        onFinish={(v) =>
          void run(async () => {
            onSaved(
              await spotCheckApi.record(detail.id, item.id, {
                result: v.result,
                categories: v.result === 'problems' ? (v.categories ?? []) : [],
                description: v.description ?? null,
                checkedOn: v.checkedOn.format('YYYY-MM-DD'),
              }),
            );
            void message.success(t('spotChecks.finding.saved'));
            onClose();
          })
        }
      >
        <Form.Item name="result" label={t('spotChecks.finding.result')}>
          <Radio.Group
            options={[
              { value: 'conforming', label: t('spotChecks.results.conforming') },
              { value: 'problems', label: t('spotChecks.results.problems') },
            ]}
          />
        </Form.Item>
        {result === 'problems' && (
          <Form.Item
            name="categories"
            label={t('spotChecks.finding.categories')}
            rules={[{ required: true, type: 'array', min: 1, message: t('spotChecks.finding.categoriesRequired') }]}
          >
            <Checkbox.Group options={SPOT_CHECK_CATEGORIES.map((c) => ({ value: c, label: t(`spotChecks.categories.${c}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('spotChecks.finding.description')}
          rules={result === 'problems' ? [{ required: true, whitespace: true, message: t('common.required') }] : []}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="checkedOn" label={t('spotChecks.finding.checkedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

/** Publishes the results notice, after a confirmation (findings can no longer change). */
export function PublishModal({ detail, onClose, onSaved }: ModalProps) {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ noticeNo: string; summary?: string }>();
  const { saving, error, run } = useSave(form, ['noticeNo', 'summary']);
  return (
    <Modal
      open
      title={t('spotChecks.publish.title')}
      okText={t('spotChecks.detail.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {detail.pendingCount > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('spotChecks.publish.notReady', { count: detail.pendingCount })} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          modal.confirm({
            title: t('spotChecks.publish.title'),
            content: t('spotChecks.publish.confirm'),
            okText: t('common.confirm'),
            cancelText: t('common.cancel'),
            onOk: () =>
              run(async () => {
                onSaved(await spotCheckApi.publish(detail.id, { noticeNo: v.noticeNo, summary: v.summary ?? null }));
                void message.success(t('spotChecks.publish.done'));
                onClose();
              }),
          })
        }
      >
        <Form.Item name="noticeNo" label={t('spotChecks.publish.noticeNo')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label={t('spotChecks.publish.summary')}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('spotChecks.publish.confirm')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
