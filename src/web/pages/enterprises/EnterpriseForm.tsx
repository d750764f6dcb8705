import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import { enterpriseInput, type EnterpriseInput } from '../../../shared/contracts/enterprises';
import { isApiError } from '../../api/client';
import { useReferenceLookup } from '../../app/reference';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

export type EnterpriseFormValues = Partial<Record<keyof EnterpriseInput, string>>;
type Field = keyof EnterpriseInput;

/** Every field, in form order. */
export const ENTERPRISE_FIELDS = Object.keys(enterpriseInput.shape) as Field[];
const REQUIRED: ReadonlySet<Field> = new Set<Field>([
  'name',
  'creditCode',
  'districtCode',
  'address',
  'legalRepresentative',
  'industryCode',
  'contactName',
  'contactPhone',
]);
export const CONTACT_FIELDS: readonly Field[] = ['contactName', 'contactPhone', 'contactEmail'];

/** Form values → request body: blanks of optional fields become null (which also clears them on update). */
export function toBody(values: EnterpriseFormValues, fields: readonly Field[]): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const field of fields) {
    const raw = values[field];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    body[field] = value === undefined || value === '' ? (REQUIRED.has(field) ? '' : null) : value;
  }
  return body;
}

interface Props {
  mode: 'full' | 'contacts';
  initialValues: EnterpriseFormValues;
  /** District users register in their own district only. */
  lockDistrict: boolean;
  submitLabel: string;
  onSubmit: (values: EnterpriseFormValues) => Promise<void>;
  cancelTo: string;
  notice?: ReactNode;
}

/** The enterprise fields, validated with the shared schema, with server field errors shown in place. */
export function EnterpriseForm({ mode, initialValues, lockDistrict, submitLabel, onSubmit, cancelTo, notice }: Props) {
  const { t, locale } = useT();
  const ref = useReferenceLookup();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const item = (field: Field, control: ReactNode, extra?: ReactNode) => (
    <Form.Item
      name={field}
      label={label(field, locale)}
      required={REQUIRED.has(field)}
      rules={[zodRule(enterpriseInput.shape[field], locale, REQUIRED.has(field))]}
      validateTrigger={field === 'creditCode' ? ['onBlur'] : ['onChange', 'onBlur']}
      extra={extra}
      data-testid={`field-${field}`}
    >
      {control}
    </Form.Item>
  );
  const text = (field: Field, max: number) => item(field, <Input maxLength={max} placeholder={t('enterprise.input')} />);

  const finish = async (values: EnterpriseFormValues) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      if (isApiError(e) && applyServerFieldErrors(form, e, ENTERPRISE_FIELDS)) void message.error(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const contacts = (
    <Card title={t('enterprise.sectionContact')}>
      <Row gutter={24}>
        <Col xs={24} lg={8}>
          {text('contactName', 50)}
        </Col>
        <Col xs={24} lg={8}>
          {text('contactPhone', 30)}
        </Col>
        <Col xs={24} lg={8}>
          {text('contactEmail', 200)}
        </Col>
      </Row>
    </Card>
  );

  return (
    <Form<EnterpriseFormValues>
      form={form}
      name="enterprise"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void finish(v)}
      onFinishFailed={() => void message.warning(t('errors.formInvalid'))}
      scrollToFirstError
      className="enterprise-form"
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {notice}
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
        {mode === 'full' && (
          <>
            <Card title={t('enterprise.sectionBasic')}>
              <Row gutter={24}>
                <Col xs={24} lg={12}>
                  {text('name', 200)}
                </Col>
                <Col xs={24} lg={12}>
                  {item(
                    'creditCode',
                    <Input maxLength={18} placeholder={t('enterprise.input')} className="mono" />,
                    t('enterprise.creditCodeHint'),
                  )}
                </Col>
                <Col xs={24} lg={12}>
                  {text('legalRepresentative', 50)}
                </Col>
                <Col xs={24} lg={12}>
                  {text('dischargePermitNo', 40)}
                </Col>
                <Col span={24}>{text('address', 300)}</Col>
              </Row>
            </Card>
            <Card title={t('enterprise.sectionClassification')}>
              <Row gutter={24}>
                <Col xs={24} lg={12}>
                  {item(
                    'districtCode',
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={ref.districts}
                      disabled={lockDistrict}
                      placeholder={t('enterprise.select')}
                    />,
                    lockDistrict ? t('enterprise.districtLocked') : undefined,
                  )}
                </Col>
                <Col xs={24} lg={12}>
                  {text('industrialPark', 200)}
                </Col>
                <Col xs={24} lg={12}>
                  {item(
                    'industryCode',
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={ref.industryGroups}
                      placeholder={t('enterprise.selectSearch')}
                    />,
                  )}
                </Col>
                <Col xs={24} lg={12}>
                  {item(
                    'keyIndustryCode',
                    <Select allowClear showSearch optionFilterProp="label" options={ref.keyIndustries} placeholder={t('enterprise.select')} />,
                  )}
                </Col>
              </Row>
            </Card>
          </>
        )}
        {contacts}
        <Card>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {submitLabel}
            </Button>
            <Button onClick={() => void navigate(cancelTo)}>{t('common.cancel')}</Button>
          </Space>
        </Card>
      </Space>
    </Form>
  );
}
