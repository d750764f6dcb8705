import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import type { GradingRuleInput, Panel, PanelMember } from '../../../shared/contracts/reviews';
import type { ScoreSheetKind } from '../../../shared/domain/scoring';
import { reviewApi } from '../../api/reviewEndpoints';
import { useT, type TFunction } from '../../i18n';

export const expertsKey = ['review-experts'] as const;

export const ruleHint = (rule: GradingRuleInput, t: TFunction) =>
  t('reviews.section.ruleHint', { min: rule.minPanelSize, odd: rule.requireOdd ? t('reviews.section.odd') : '' });

function useExperts(open: boolean) {
  return useQuery({ queryKey: expertsKey, queryFn: reviewApi.experts, enabled: open });
}

/** The district picks the panel's experts (manual choice of the city's active expert accounts). */
export function FormPanelModal(props: {
  open: boolean;
  kind: ScoreSheetKind;
  rule: GradingRuleInput;
  onSubmit: (expertUserIds: string[], reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ expertUserIds: string[]; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const experts = useExperts(props.open);
  const kind = t(`reviews.kinds.${props.kind}`);

  const submit = async () => {
    let values: { expertUserIds: string[]; reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values.expertUserIds, values.reason.trim());
      form.resetFields();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('reviews.section.formTitle', { kind })}
      okText={t('reviews.section.form', { kind })}
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reviews.section.formHint', { rule: ruleHint(props.rule, t) })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="panel-form-error" />}
      <Form form={form} layout="vertical" name="panelForm">
        <Form.Item
          name="expertUserIds"
          label={t('reviews.section.experts')}
          rules={[{ required: true, message: t('reviews.section.expertsRequired') }]}
        >
          <Select
            mode="multiple"
            loading={experts.isPending}
            optionFilterProp="label"
            options={(experts.data ?? []).map((e) => ({ value: e.id, label: `${e.displayName}（${e.username}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('experts.draw.reasonLabel')}
          extra={t('experts.draw.reasonHint')}
          rules={[{ required: true, whitespace: true, min: 5, max: 500, message: t('experts.draw.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Replace a member who declared a conflict or has not submitted scores. */
export function ReplaceMemberModal(props: {
  member: PanelMember | null;
  exclude: readonly string[];
  onSubmit: (incomingUserId: string, reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useT();
  const [incoming, setIncoming] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const experts = useExperts(props.member !== null);

  const submit = async () => {
    if (!incoming) {
      setError(t('reviews.section.expertsRequired'));
      return;
    }
    if (reason.trim().length < 5) {
      setError(t('experts.draw.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(incoming, reason.trim());
      setIncoming(undefined);
      setReason('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.member !== null}
      title={t('reviews.section.replaceTitle', { name: props.member?.displayName ?? '' })}
      okText={t('reviews.section.replace')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Text>{t('reviews.section.replaceWith')}</Typography.Text>
      <Select
        style={{ width: '100%', marginTop: 8 }}
        value={incoming}
        onChange={setIncoming}
        loading={experts.isPending}
        showSearch
        optionFilterProp="label"
        aria-label={t('reviews.section.replaceWith')}
        options={(experts.data ?? [])
          .filter((e) => !props.exclude.includes(e.id))
          .map((e) => ({ value: e.id, label: `${e.displayName}（${e.username}）` }))}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>{t('experts.draw.reasonLabel')}</Typography.Paragraph>
      <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('experts.draw.reasonLabel')} />
      <Typography.Text type="secondary">{t('experts.draw.reasonHint')}</Typography.Text>
    </Modal>
  );
}

/** The district schedules, moves or clears (empty date) the review meeting of an open panel. */
export function MeetingModal(props: {
  panel: Panel | null;
  onSubmit: (meetingOn: string | null, meetingPlace: string | null) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ meetingOn: Dayjs | null; meetingPlace?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values.meetingOn ? values.meetingOn.format('YYYY-MM-DD') : null, values.meetingPlace?.trim() || null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.panel !== null}
      title={t('reviews.section.meetingTitle')}
      okText={t('common.save')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('reviews.section.meetingHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          meetingOn: props.panel?.meetingOn ? dayjs(props.panel.meetingOn) : null,
          meetingPlace: props.panel?.meetingPlace ?? undefined,
        }}
      >
        <Form.Item name="meetingOn" label={t('reviews.section.meetingOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="meetingPlace" label={t('reviews.section.meetingPlace')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
