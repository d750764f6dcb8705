import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ExpertDetail, ExpertImportReport, ExpertInput } from '../../../shared/contracts/experts';
import { EXPERTISE_KINDS } from '../../../shared/domain/recusal';
import { isApiError } from '../../api/client';
import { expertApi } from '../../api/expertEndpoints';
import { useReferenceLookup } from '../../app/reference';
import { applyServerFieldErrors } from '../../components/form';
import { useT } from '../../i18n';
import { useIndustryOptions } from './DrawSection';

type ProfileValues = Omit<ExpertInput, 'status'> & { status?: 'active' | 'inactive' };
const PROFILE_FIELDS = ['name', 'username', 'title', 'employer', 'industries', 'expertise', 'districtCode', 'phone', 'email', 'status'];

/** The profile fields, shared by the city's form and the expert's own page (`self`: no sign-in or status). */
export function ProfileFields({ self }: { self: boolean }) {
  const { t } = useT();
  const ref = useReferenceLookup();
  const industries = useIndustryOptions();
  return (
    <>
      <Form.Item name="name" label={t('experts.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      {!self && (
        <Form.Item name="username" label={t('experts.fields.username')} extra={t('experts.form.usernameHint')}>
          <Input maxLength={64} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('experts.fields.title')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="employer" label={t('experts.fields.employer')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="industries" label={t('experts.fields.industries')}>
        <Select mode="multiple" allowClear options={industries} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="expertise" label={t('experts.fields.expertise')}>
        <Select mode="multiple" allowClear options={EXPERTISE_KINDS.map((k) => ({ value: k, label: t(`experts.expertise.${k}`) }))} />
      </Form.Item>
      <Form.Item name="districtCode" label={t('experts.fields.district')}>
        <Select allowClear showSearch optionFilterProp="label" options={ref.districts} />
      </Form.Item>
      <Form.Item name="phone" label={t('experts.fields.phone')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="email" label={t('experts.fields.email')}>
        <Input maxLength={200} />
      </Form.Item>
      {!self && (
        <Form.Item name="status" label={t('experts.fields.status')}>
          <Select options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`experts.status.${s}`) }))} />
        </Form.Item>
      )}
    </>
  );
}

export const profileValues = (e: ExpertDetail): ProfileValues => ({
  name: e.name,
  username: e.username,
  title: e.title,
  employer: e.employer,
  industries: e.industries,
  expertise: e.expertise,
  districtCode: e.districtCode,
  phone: e.phone,
  email: e.email,
  status: e.status,
});

/** Create or edit an expert (city). */
export function ExpertFormModal(props: { open: boolean; expert?: ExpertDetail; onClose: () => void; onSaved: (e: ExpertDetail) => void }) {
  const { t } = useT();
  const [form] = Form.useForm<ProfileValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(props.expert ? profileValues(props.expert) : { industries: [], expertise: [], status: 'active' });
      setError(null);
    }
  }, [props.open, props.expert, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body = { ...values, status: values.status ?? 'active', industries: values.industries ?? [], expertise: values.expertise ?? [] };
      const saved = props.expert ? await expertApi.update(props.expert.id, body) : await expertApi.create(body);
      props.onSaved(saved);
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, PROFILE_FIELDS))) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.expert ? t('experts.form.editTitle') : t('experts.form.createTitle')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={busy}
      okText={t('common.save')}
      width={640}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="expertForm">
        <ProfileFields self={false} />
      </Form>
    </Modal>
  );
}

/** Upload → row report → commit (all, or only the valid rows). */
export function ExpertImportModal(props: { open: boolean; onClose: () => void; onCommitted: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [report, setReport] = useState<ExpertImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<ExpertImportReport>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      setReport(next);
      if (next.status === 'committed') {
        void message.success(t('experts.import.committed', { count: next.createdCount ?? 0 }));
        props.onCommitted();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setReport(null);
    setError(null);
    props.onClose();
  };
  return (
    <Modal open={props.open} title={t('experts.import.title')} onCancel={close} footer={null} width={880} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!report || report.status !== 'uploaded' ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button href={expertApi.exportUrl(true)}>{t('experts.list.template')}</Button>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void run(() => expertApi.upload(file));
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('experts.import.drop')}</p>
          </Upload.Dragger>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('experts.import.rows', { total: report.rows.length, valid: report.validCount, errors: report.errorCount })}</Typography.Text>
          <Table
            size="small"
            rowKey="rowNumber"
            pagination={{ pageSize: 10 }}
            dataSource={report.rows}
            columns={[
              { title: t('experts.import.row'), dataIndex: 'rowNumber', width: 64 },
              { title: t('experts.fields.name'), key: 'name', render: (_, r) => r.values.name || '—' },
              { title: t('experts.fields.employer'), key: 'employer', render: (_, r) => r.values.employer || '—' },
              {
                title: t('experts.import.problems'),
                key: 'errors',
                render: (_, r) =>
                  r.errors.length ? (
                    <Typography.Text type="danger">{r.errors.map((e) => `${e.field}：${e.message}`).join('；')}</Typography.Text>
                  ) : (
                    '✓'
                  ),
              },
            ]}
          />
          <Space>
            <Button type="primary" disabled={report.errorCount > 0} loading={busy} onClick={() => void run(() => expertApi.commit(report.id, false))}>
              {t('experts.import.commitAll')}
            </Button>
            <Button disabled={report.validCount === 0} loading={busy} onClick={() => void run(() => expertApi.commit(report.id, true))}>
              {t('experts.import.commitValid')}
            </Button>
          </Space>
        </Space>
      )}
    </Modal>
  );
}

/** The city's recusal settings of draws. */
export function DrawSettingsModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ agencyLookbackMonths: number; maxOpenPanels: number }>();
  const settings = useQuery({ queryKey: ['expert-draw-settings'], queryFn: expertApi.settings, enabled: props.open });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await expertApi.saveSettings(values);
      void message.success(t('experts.list.saved'));
      props.onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} title={t('experts.list.settingsTitle')} onOk={() => void submit()} onCancel={props.onClose} confirmLoading={busy} okText={t('common.save')} forceRender>
      <Form form={form} layout="vertical" name="drawSettings">
        <Form.Item name="agencyLookbackMonths" label={t('experts.list.lookback')} rules={[{ required: true }]}>
          <InputNumber min={0} max={120} precision={0} />
        </Form.Item>
        <Form.Item name="maxOpenPanels" label={t('experts.list.maxOpen')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
