import { useEffect, type ReactNode } from 'react';
import { App, Form, Input, Modal, Select, Space, Tag, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  AGENCY_CONTACT_FIELDS,
  agencyInput,
  type AgencyDetail,
  type AgencyInput,
  type AgencyMetrics,
} from '../../../shared/contracts/agencies';
import type { AgencyStatus } from '../../../shared/domain/agencies';
import { agencyApi } from '../../api/agencyEndpoints';
import { isApiError } from '../../api/client';
import { useReferenceLookup } from '../../app/reference';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

const STATUS_COLORS: Record<AgencyStatus, string> = { normal: 'green', warned: 'orange', dishonest: 'red' };

export function StatusTag({ status }: { status: AgencyStatus }) {
  const { t } = useT();
  return (
    <Tag color={STATUS_COLORS[status]} bordered={false} data-testid={`agency-status-${status}`}>
      {t(`agencies.statuses.${status}`)}
    </Tag>
  );
}

export type MetricKey =
  | 'roundsServed'
  | 'activeRounds'
  | 'firstPassRate'
  | 'averageEvaluationScore'
  | 'averageAcceptanceScore'
  | 'returnsForCorrection'
  | 'overdueRounds'
  | 'spotChecked'
  | 'spotCheckProblems'
  | 'falsificationPenalties';

/** A metric's title with its definition as a tooltip (the same definitions as docs/ARCHITECTURE.md). */
export function MetricTitle({ metric, text }: { metric: MetricKey; text?: string }) {
  const { t } = useT();
  return (
    <Tooltip title={t(`agencies.performance.help.${metric}`)}>
      <Space size={4}>
        {text ?? t(`agencies.performance.metrics.${metric}`)}
        <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
      </Space>
    </Tooltip>
  );
}

/** A metric value as text: rates in percent, scores to one decimal, counts as they are. */
export function metricText(metrics: AgencyMetrics, metric: MetricKey, none: string): string {
  switch (metric) {
    case 'firstPassRate':
      return metrics.firstPassRate === null ? none : `${(metrics.firstPassRate * 100).toFixed(1)}%`;
    case 'averageEvaluationScore':
      return metrics.averageEvaluationScore === null ? none : metrics.averageEvaluationScore.toFixed(1);
    case 'averageAcceptanceScore':
      return metrics.averageAcceptanceScore === null ? none : metrics.averageAcceptanceScore.toFixed(1);
    case 'roundsServed':
    case 'activeRounds':
    case 'returnsForCorrection':
    case 'overdueRounds':
    case 'spotChecked':
    case 'spotCheckProblems':
    case 'falsificationPenalties':
      return String(metrics[metric]);
  }
}

type FormValues = Partial<AgencyInput>;
const FIELDS = ['name', 'creditCode', 'districtCode', 'address', 'legalRepresentative', 'contactName', 'contactPhone', 'contactEmail', 'serviceDistrictCodes'] as const;

/**
 * Register an agency (no `agency`), edit it (the city), or edit only the contacts (the agency user: `contactsOnly`).
 * Fields are checked with the shared schema; the server's field errors land on the same fields.
 */
export function AgencyFormModal({
  open,
  agency,
  contactsOnly = false,
  onClose,
  onSaved,
}: {
  open: boolean;
  agency?: AgencyDetail;
  contactsOnly?: boolean;
  onClose: () => void;
  onSaved: (saved: AgencyDetail) => void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const shape = agencyInput.shape;
  const visible: readonly string[] = contactsOnly ? AGENCY_CONTACT_FIELDS : FIELDS;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (agency) {
      form.setFieldsValue({
        name: agency.name,
        creditCode: agency.creditCode ?? undefined,
        districtCode: agency.districtCode,
        address: agency.address ?? undefined,
        legalRepresentative: agency.legalRepresentative ?? undefined,
        contactName: agency.contactName ?? undefined,
        contactPhone: agency.contactPhone ?? undefined,
        contactEmail: agency.contactEmail,
        serviceDistrictCodes: agency.serviceDistrictCodes,
      });
    }
  }, [open, agency, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = Object.fromEntries(Object.entries(values).filter(([k]) => visible.includes(k)));
      return agency ? agencyApi.update(agency.id, body) : agencyApi.create(body as AgencyInput);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void message.success(agency ? t('agencies.detail.saved') : t('agencies.detail.created'));
      onSaved(saved);
    },
    onError: (error) => {
      if (isApiError(error) && applyServerFieldErrors(form, error, FIELDS)) return;
      void message.error(error instanceof Error ? error.message : String(error));
    },
  });

  const item = (name: (typeof FIELDS)[number], node: ReactNode, required: boolean, text?: string) =>
    visible.includes(name) ? (
      <Form.Item name={name} label={text ?? label(name, locale)} required={required} rules={[zodRule(shape[name], locale, required)]}>
        {node}
      </Form.Item>
    ) : null;

  return (
    <Modal
      open={open}
      title={contactsOnly ? t('agencies.detail.contactsTitle') : agency ? t('agencies.detail.editTitle') : t('agencies.detail.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" name="agencyForm" onFinish={(v) => save.mutate(v)}>
        {item('name', <Input maxLength={200} />, true, t('agencies.list.name'))}
        {item('creditCode', <Input maxLength={18} className="mono" />, true)}
        {item('districtCode', <Select allowClear showSearch optionFilterProp="label" options={ref.districts} />, false, t('agencies.detail.registeredDistrict'))}
        {item('address', <Input maxLength={300} />, true)}
        {item('legalRepresentative', <Input maxLength={50} />, true)}
        {item('contactName', <Input maxLength={50} />, true)}
        {item('contactPhone', <Input maxLength={30} />, true)}
        {item('contactEmail', <Input maxLength={200} />, false)}
        {item(
          'serviceDistrictCodes',
          <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={ref.districts} />,
          false,
          t('agencies.detail.serviceDistricts'),
        )}
      </Form>
    </Modal>
  );
}
