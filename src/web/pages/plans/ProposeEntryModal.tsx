import { useState } from 'react';
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { planEntryInput, type PlanEntryInput } from '../../../shared/contracts/rounds';
import { LISTING_REASONS, LISTING_REASON_DESCRIPTIONS, type ListingReason } from '../../../shared/domain/listingReasons';
import { isApiError } from '../../api/client';
import { enterpriseApi, planApi } from '../../api/endpoints';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT } from '../../i18n';
import { label, reasonLabel } from '../../i18n/labels';

interface Values {
  enterpriseId?: string;
  plannedYear?: number;
  reasons?: ListingReason[];
  reasonDetails?: string;
  lastAuditOn?: Dayjs | null;
  contactName?: string;
  contactPhone?: string;
  remarks?: string;
}
const FIELDS = Object.keys(planEntryInput.shape);

/** 申报审核计划条目 (附件4): an enterprise in my scope, the reasons, the planned year. */
export function ProposeEntryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [keyword, setKeyword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const enterprises = useQuery({
    queryKey: ['enterprises', 'picker', keyword],
    queryFn: () => enterpriseApi.list({ keyword: keyword || undefined, pageSize: 20, sort: 'name' }),
    enabled: open,
  });
  const rule = (field: keyof PlanEntryInput, required: boolean) => zodRule(planEntryInput.shape[field], locale, required);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await planApi.propose({
        enterpriseId: v.enterpriseId ?? '',
        plannedYear: v.plannedYear ?? 0,
        reasons: v.reasons ?? [],
        reasonDetails: v.reasonDetails?.trim() || null,
        lastAuditOn: v.lastAuditOn ? v.lastAuditOn.format('YYYY-MM-DD') : null,
        contactName: v.contactName?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
        remarks: v.remarks?.trim() || null,
      });
      await queryClient.invalidateQueries({ queryKey: ['plan-entries'] });
      void message.success(t('plan.proposed', { name: created.enterpriseName }));
      onClose();
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, FIELDS))) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('plan.proposeTitle')}
      okText={t('common.submit')}
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
        name="proposeEntry"
        layout="vertical"
        preserve={false}
        initialValues={{ plannedYear: new Date().getFullYear() + 1, reasons: [] }}
      >
        <Form.Item name="enterpriseId" label={label('enterpriseId', locale)} required rules={[{ required: true, message: t('common.required') }]}>
          <Select
            showSearch
            aria-label={label('enterpriseId', locale)}
            placeholder={t('plan.enterprisePlaceholder')}
            filterOption={false}
            onSearch={setKeyword}
            loading={enterprises.isFetching}
            options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="reasons"
          label={label('reasons', locale)}
          required
          rules={[{ type: 'array', min: 1, message: t('common.required') }, rule('reasons', true)]}
        >
          <Checkbox.Group
            options={LISTING_REASONS.map((r) => ({ value: r, label: reasonLabel(r, locale), title: LISTING_REASON_DESCRIPTIONS[r][locale] }))}
          />
        </Form.Item>
        <Form.Item name="reasonDetails" label={label('reasonDetails', locale)} rules={[rule('reasonDetails', false)]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="plannedYear" label={label('plannedYear', locale)} required rules={[rule('plannedYear', true)]}>
              <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} aria-label={label('plannedYear', locale)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lastAuditOn" label={label('lastAuditOn', locale)}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactName" label={label('contactName', locale)} rules={[rule('contactName', false)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={label('contactPhone', locale)} rules={[rule('contactPhone', false)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="remarks" label={label('remarks', locale)} rules={[rule('remarks', false)]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
