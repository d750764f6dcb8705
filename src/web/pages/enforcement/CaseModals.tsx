import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, type FormInstance } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { caseInput, type CaseInput, type EnforcementCase } from '../../../shared/contracts/enforcement';
import {
  LEGAL_BASES,
  LEGAL_BASIS_CODES,
  MEASURE_LABELS,
  VIOLATION_TYPE_LABELS,
  VIOLATION_TYPES,
  defaultLegalBasis,
  isPenalty,
  type LegalBasisCode,
  type Measure,
  type ViolationType,
} from '../../../shared/domain/enforcement';
import { isApiError } from '../../api/client';
import { enterpriseApi } from '../../api/endpoints';
import { caseApi } from '../../api/enforcementEndpoints';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT, type MessageKey } from '../../i18n';
import { label } from '../../i18n/labels';
import { errorText, rangeText } from './enforcementParts';

interface Values {
  enterpriseId?: string;
  violationType?: ViolationType;
  legalBasis?: LegalBasisCode;
  measure?: Measure;
  facts?: string;
  openedOn?: Dayjs;
  correctionDue?: Dayjs | null;
  fineAmount?: number | null;
}
const FIELDS = Object.keys(caseInput.shape);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * The submit cycle of the case dialogs: validate, send, refresh the enforcement lists, confirm, close. Field errors
 * from the server land under their fields, others above the form.
 */
function useCaseSubmit<V extends object>(form: FormInstance<V>, fields: readonly string[], success: MessageKey, onClose: () => void) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: (values: V) => Promise<unknown>) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await send(values);
      await queryClient.invalidateQueries({ queryKey: ['enforcement'] });
      void message.success(t(success));
      onClose();
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, fields))) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** Record a case, or edit an open one: the legal basis follows the violation, the measure the basis; fines show their range. */
export function CaseFormModal({ open, editing, onClose }: { open: boolean; editing: EnforcementCase | null; onClose: () => void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm<Values>();
  const [keyword, setKeyword] = useState('');
  const { error, setError, busy, run } = useCaseSubmit(form, FIELDS, 'enforcement.cases.saved', onClose);
  const violation = Form.useWatch('violationType', form);
  const basis = Form.useWatch('legalBasis', form);
  const measure = Form.useWatch('measure', form);
  const enterprises = useQuery({
    queryKey: ['enterprises', 'picker', keyword],
    queryFn: () => enterpriseApi.list({ keyword: keyword || undefined, pageSize: 20, sort: 'name' }),
    enabled: open && !editing,
  });
  const rule = (field: keyof CaseInput, required: boolean) => zodRule(caseInput.shape[field], locale, required);
  const basisDef = basis ? LEGAL_BASES[basis] : null;
  const bases = LEGAL_BASIS_CODES.filter((code) => !violation || (LEGAL_BASES[code].violations as readonly string[]).includes(violation));
  const measures = basisDef ? basisDef.measures : [];
  const fined = measure ? isPenalty(measure) : false;

  const submit = () =>
    run(async (v) => {
      const body: CaseInput = {
        enterpriseId: editing?.enterpriseId ?? v.enterpriseId ?? '',
        roundId: editing?.roundId ?? null,
        violationType: v.violationType ?? 'other',
        legalBasis: v.legalBasis ?? 'other',
        measure: v.measure ?? 'other',
        facts: v.facts?.trim() ?? '',
        openedOn: day(v.openedOn) ?? '',
        correctionDue: day(v.correctionDue),
        fineAmount: fined ? (v.fineAmount ?? null) : null,
      };
      if (editing) await caseApi.update(editing.id, { ...body, expectedVersion: editing.version });
      else await caseApi.create(body);
    });


  const initial: Values = editing
    ? {
        enterpriseId: editing.enterpriseId,
        violationType: editing.violationType,
        legalBasis: editing.legalBasis,
        measure: editing.measure,
        facts: editing.facts,
        openedOn: dayjs(editing.openedOn),
        correctionDue: editing.correctionDue ? dayjs(editing.correctionDue) : null,
        fineAmount: editing.fineAmount,
      }
    : { violationType: 'not_audited', legalBasis: defaultLegalBasis('not_audited'), measure: 'order_correction', openedOn: dayjs() };

  return (
    <Modal
      open={open}
      width={760}
      title={editing ? t('enforcement.cases.editTitle') : t('enforcement.cases.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="enforcementCase"
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.violationType) {
            const next = defaultLegalBasis(changed.violationType);
            form.setFieldsValue({ legalBasis: next, measure: LEGAL_BASES[next].measures[0] });
          } else if (changed.legalBasis) {
            const allowed: readonly Measure[] = LEGAL_BASES[changed.legalBasis].measures;
            const current = form.getFieldValue('measure') as Measure | undefined;
            if (!current || !allowed.includes(current)) form.setFieldsValue({ measure: allowed[0] });
          }
        }}
      >
        {editing ? (
          <Form.Item label={t('enforcement.cases.enterprise')}>
            <Input value={`${editing.enterpriseName}（${editing.creditCode}）`} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label={t('enforcement.cases.enterprise')} required rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch
              aria-label={t('enforcement.cases.enterprise')}
              placeholder={t('enforcement.cases.enterprisePlaceholder')}
              filterOption={false}
              onSearch={setKeyword}
              loading={enterprises.isFetching}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="violationType" label={label('violationType', locale)} required rules={[rule('violationType', true)]}>
              <Select aria-label={label('violationType', locale)} options={VIOLATION_TYPES.map((v) => ({ value: v, label: VIOLATION_TYPE_LABELS[v][locale] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="legalBasis" label={label('legalBasis', locale)} required rules={[rule('legalBasis', true)]}>
              <Select aria-label={label('legalBasis', locale)} options={bases.map((b) => ({ value: b, label: LEGAL_BASES[b].label[locale] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="measure" label={label('measure', locale)} required rules={[rule('measure', true)]}>
              <Select aria-label={label('measure', locale)} options={measures.map((m) => ({ value: m, label: MEASURE_LABELS[m][locale] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="fineAmount"
              label={label('fineAmount', locale)}
              extra={fined ? (basisDef?.fine ? t('enforcement.cases.fineHint', { range: rangeText(basisDef.fine, t) }) : t('enforcement.cases.fineNone')) : undefined}
            >
              <InputNumber style={{ width: '100%' }} min={0.01} precision={2} disabled={!fined} aria-label={label('fineAmount', locale)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="openedOn" label={label('openedOn', locale)} required rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker style={{ width: '100%' }} aria-label={label('openedOn', locale)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="correctionDue" label={label('correctionDue', locale)} extra={t('enforcement.cases.correctionHint')}>
              <DatePicker style={{ width: '100%' }} disabled={measure !== 'order_correction' && measure !== 'order_correction_fine'} aria-label={label('correctionDue', locale)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="facts" label={label('facts', locale)} required rules={[rule('facts', true)]}>
          <Input.TextArea rows={4} maxLength={4000} showCount aria-label={label('facts', locale)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecideValues {
  decisionNo?: string;
  decidedOn?: Dayjs;
}

/** 作出决定: decision number and date; the server writes the credit record (and the disclosure mark) with it. */
export function DecideModal({ target, onClose }: { target: EnforcementCase | null; onClose: () => void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm<DecideValues>();
  const { error, setError, busy, run } = useCaseSubmit(form, ['decisionNo', 'decidedOn'], 'enforcement.cases.decided', onClose);
  const submit = () =>
    run(async (v) => {
      if (target) await caseApi.decide(target.id, { decisionNo: v.decisionNo?.trim() ?? '', decidedOn: day(v.decidedOn) ?? '', expectedVersion: target.version });
    });

  return (
    <Modal
      open={Boolean(target)}
      title={target ? t('enforcement.cases.decideTitle', { name: target.enterpriseName }) : ''}
      okText={t('enforcement.cases.decide')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      <Alert type="info" showIcon message={t('enforcement.cases.decideHint')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<DecideValues> form={form} name="decideCase" layout="vertical" preserve={false} initialValues={{ decidedOn: dayjs() }}>
        <Form.Item name="decisionNo" label={label('decisionNo', locale)} required rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
          <Input maxLength={100} aria-label={label('decisionNo', locale)} />
        </Form.Item>
        <Form.Item name="decidedOn" label={label('decidedOn', locale)} required rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} aria-label={label('decidedOn', locale)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CloseValues {
  closedOn?: Dayjs;
  note?: string;
}

/** 结案 of a decided case. */
export function CloseModal({ target, onClose }: { target: EnforcementCase | null; onClose: () => void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm<CloseValues>();
  const { error, setError, busy, run } = useCaseSubmit(form, ['closedOn', 'note'], 'enforcement.cases.closed', onClose);
  const submit = () =>
    run(async (v) => {
      if (target) await caseApi.close(target.id, { closedOn: day(v.closedOn) ?? '', note: v.note?.trim() || null, expectedVersion: target.version });
    });

  return (
    <Modal
      open={Boolean(target)}
      title={target ? t('enforcement.cases.closeTitle', { name: target.enterpriseName }) : ''}
      okText={t('enforcement.cases.close')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<CloseValues> form={form} name="closeCase" layout="vertical" preserve={false} initialValues={{ closedOn: dayjs() }}>
        <Form.Item name="closedOn" label={label('closedOn', locale)} required rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} aria-label={label('closedOn', locale)} />
        </Form.Item>
        <Form.Item name="note" label={t('enforcement.cases.closeNote')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} aria-label={t('enforcement.cases.closeNote')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
