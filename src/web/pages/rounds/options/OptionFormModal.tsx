import { useState } from 'react';
import { Alert, App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { optionInput, type OptionInput, type RoundOption } from '../../../../shared/contracts/options';
import {
  BENEFIT_INDICATORS,
  BENEFIT_LABELS,
  FEASIBILITY_CONCLUSIONS,
  FEASIBILITY_LABELS,
  MAX_FIGURE,
  OPTION_CATEGORIES,
  OPTION_CATEGORY_LABELS,
  OPTION_DIRECTIONS,
  OPTION_DIRECTION_LABELS,
  OPTION_STATUSES,
  OPTION_STATUS_LABELS,
  type BenefitIndicator,
  type OptionCategory,
  type OptionStatus,
} from '../../../../shared/domain/options';
import { isApiError } from '../../../api/client';
import { optionApi } from '../../../api/endpoints';
import { applyServerFieldErrors, zodRule } from '../../../components/form';
import { useT } from '../../../i18n';
import { label } from '../../../i18n/labels';
import { optionsKey } from './optionUi';

type BenefitValues = Partial<Record<BenefitIndicator, number | null>>;
interface Values {
  category?: OptionCategory;
  direction?: string;
  optionName?: string;
  description?: string;
  investment?: number | null;
  status?: OptionStatus;
  dropReason?: string;
  feasibility?: string | null;
  feasibilityNote?: string;
  plannedEffectiveOn?: Dayjs | null;
  actualEffectiveOn?: Dayjs | null;
  predictedBenefits?: BenefitValues;
  actualBenefits?: BenefitValues;
}
const FIELDS = Object.keys(optionInput.shape);

const day = (d: string | null) => (d ? dayjs(d) : null);
const text = (s: string | undefined) => s?.trim() || null;
function figures(b: BenefitValues | undefined): Partial<Record<BenefitIndicator, number>> {
  const out: Partial<Record<BenefitIndicator, number>> = {};
  for (const key of BENEFIT_INDICATORS) {
    const v = b?.[key];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}

function initialValues(option: RoundOption | null): Values {
  if (!option) return { category: 'low_cost', status: 'proposed', predictedBenefits: {}, actualBenefits: {} };
  return {
    category: option.category,
    direction: option.direction,
    optionName: option.optionName,
    description: option.description ?? undefined,
    investment: option.investment,
    status: option.status,
    dropReason: option.dropReason ?? undefined,
    feasibility: option.feasibility,
    feasibilityNote: option.feasibilityNote ?? undefined,
    plannedEffectiveOn: day(option.plannedEffectiveOn),
    actualEffectiveOn: day(option.actualEffectiveOn),
    predictedBenefits: option.predictedBenefits,
    actualBenefits: option.actualBenefits,
  };
}

/** Add or edit one option: every field of DOMAIN §4, benefits per indicator (predicted and actual). */
export function OptionFormModal({
  roundId,
  open,
  option,
  onClose,
}: {
  roundId: string;
  open: boolean;
  /** null: a new option. */
  option: RoundOption | null;
  onClose: () => void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const category = Form.useWatch('category', form);
  const status = Form.useWatch('status', form);
  const rule = (field: keyof typeof optionInput.shape, required: boolean) => zodRule(optionInput.shape[field], locale, required);
  const select = <T extends string>(values: readonly T[], labels: Readonly<Record<T, Readonly<Record<string, string>>>>) =>
    values.map((v) => ({ value: v, label: labels[v][locale] }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: OptionInput = {
      category: v.category ?? 'low_cost',
      direction: (v.direction ?? 'management') as OptionInput['direction'],
      optionName: v.optionName?.trim() ?? '',
      description: text(v.description),
      investment: v.investment ?? null,
      status: v.status ?? 'proposed',
      dropReason: v.status === 'dropped' ? text(v.dropReason) : null,
      feasibility: v.category === 'high_cost' ? ((v.feasibility ?? null) as OptionInput['feasibility']) : null,
      feasibilityNote: v.category === 'high_cost' ? text(v.feasibilityNote) : null,
      plannedEffectiveOn: v.plannedEffectiveOn ? v.plannedEffectiveOn.format('YYYY-MM-DD') : null,
      actualEffectiveOn: v.actualEffectiveOn ? v.actualEffectiveOn.format('YYYY-MM-DD') : null,
      predictedBenefits: figures(v.predictedBenefits),
      actualBenefits: figures(v.actualBenefits),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = option ? await optionApi.update(roundId, option.id, body) : await optionApi.create(roundId, body);
      await queryClient.invalidateQueries({ queryKey: optionsKey(roundId) });
      void message.success(t(option ? 'options.saved' : 'options.created', { name: saved.optionName }));
      onClose();
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, FIELDS))) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const benefitInput = (group: 'predictedBenefits' | 'actualBenefits', key: BenefitIndicator) => (
    <Form.Item name={[group, key]} style={{ marginBottom: 8 }}>
      <InputNumber
        style={{ width: '100%' }}
        min={0}
        max={MAX_FIGURE}
        aria-label={`${label(group, locale)} ${BENEFIT_LABELS[key].label[locale]}`}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      width={880}
      title={option ? t('options.form.titleEdit', { seq: option.seq }) : t('options.form.titleNew')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="option-form-error" />}
      <Form<Values> form={form} name="option" layout="vertical" preserve={false} initialValues={initialValues(option)}>
        <Divider orientation="left" plain>{t('options.form.basics')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="category" label={label('category', locale)} required rules={[rule('category', true)]}>
              <Select aria-label={label('category', locale)} options={select(OPTION_CATEGORIES, OPTION_CATEGORY_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="direction" label={label('direction', locale)} required rules={[rule('direction', true)]}>
              <Select
                aria-label={label('direction', locale)}
                placeholder={t('options.form.selectPlaceholder')}
                options={select(OPTION_DIRECTIONS, OPTION_DIRECTION_LABELS)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="investment" label={label('investment', locale)} rules={[rule('investment', false)]}>
              <InputNumber style={{ width: '100%' }} min={0} max={MAX_FIGURE} aria-label={label('investment', locale)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="optionName" label={label('optionName', locale)} required rules={[rule('optionName', true)]}>
          <Input maxLength={200} aria-label={label('optionName', locale)} />
        </Form.Item>
        <Form.Item name="description" label={label('description', locale)} rules={[rule('description', false)]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {category === 'high_cost' && (
          <>
            <Typography.Paragraph type="secondary">{t('options.form.feasibilityHint')}</Typography.Paragraph>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="feasibility" label={label('feasibility', locale)}>
                  <Select allowClear aria-label={label('feasibility', locale)} options={select(FEASIBILITY_CONCLUSIONS, FEASIBILITY_LABELS)} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="feasibilityNote" label={label('feasibilityNote', locale)} rules={[rule('feasibilityNote', false)]}>
                  <Input maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Divider orientation="left" plain>{t('options.form.progress')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="status" label={label('status', locale)} required rules={[rule('status', true)]}>
              <Select aria-label={label('status', locale)} options={select(OPTION_STATUSES, OPTION_STATUS_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="plannedEffectiveOn" label={label('plannedEffectiveOn', locale)}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="actualEffectiveOn" label={label('actualEffectiveOn', locale)}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {status === 'dropped' && (
          <Form.Item
            name="dropReason"
            label={label('dropReason', locale)}
            extra={t('options.form.dropReasonHint')}
            required
            rules={[{ required: true, whitespace: true, message: t('common.required') }, rule('dropReason', false)]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        <Divider orientation="left" plain>{t('options.form.benefits')}</Divider>
        <Row gutter={8} style={{ fontWeight: 500, marginBottom: 8 }}>
          <Col span={10}>{t('options.indicator')}</Col>
          <Col span={7}>{t('options.predicted')}</Col>
          <Col span={7}>{t('options.actual')}</Col>
        </Row>
        {BENEFIT_INDICATORS.map((key) => (
          <Row gutter={8} key={key} align="middle">
            <Col span={10}>
              {BENEFIT_LABELS[key].label[locale]}
              <Typography.Text type="secondary">（{BENEFIT_LABELS[key].unit[locale]}）</Typography.Text>
            </Col>
            <Col span={7}>{benefitInput('predictedBenefits', key)}</Col>
            <Col span={7}>{benefitInput('actualBenefits', key)}</Col>
          </Row>
        ))}
      </Form>
    </Modal>
  );
}
