import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Switch, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { spotCheckApi } from '../../api/spotCheckEndpoints';
import { applyServerFieldErrors } from '../../components/form';
import { useT } from '../../i18n';

interface Values {
  year: number;
  title: string;
  mode: 'ratio' | 'count';
  ratioPct?: number;
  count?: number;
  stratified: boolean;
}

/** The create form of a spot check, with a preview of the population per district. */
export function CreateSpotCheckModal({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = Form.useWatch('year', form);
  const mode = Form.useWatch('mode', form);
  const validYear = typeof year === 'number' && year >= 2000 && year <= 2100 ? year : undefined;
  const population = useQuery({
    queryKey: ['spotChecks', 'population', validYear],
    queryFn: () => spotCheckApi.population(validYear ?? 0),
    enabled: validYear !== undefined,
  });

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await spotCheckApi.create({
        year: v.year,
        title: v.title,
        sampleRatio: v.mode === 'ratio' ? (v.ratioPct ?? 0) / 100 : null,
        sampleCount: v.mode === 'count' ? (v.count ?? 0) : null,
        stratified: v.stratified,
      });
      void message.success(t('spotChecks.form.created'));
      await queryClient.invalidateQueries({ queryKey: ['spotChecks'] });
      onClose();
      void navigate(`/spot-checks/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = { ...e.fields };
        if (fields.sampleRatio) fields.ratioPct = fields.sampleRatio;
        if (fields.sampleCount) fields.count = fields.sampleCount;
        if (!applyServerFieldErrors(form, new ApiError(e.status, e.code, e.message, fields), ['year', 'title', 'ratioPct', 'count'])) setError(e.message);
      } else setError(String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('spotChecks.form.title')}
      okText={t('spotChecks.form.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1, mode: 'ratio', ratioPct: 20, count: 5, stratified: true }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="year" label={t('spotChecks.form.year')} extra={t('spotChecks.form.yearHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="title" label={t('spotChecks.form.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={200} placeholder={t('spotChecks.form.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="mode" label={t('spotChecks.form.mode')}>
          <Radio.Group
            options={[
              { value: 'ratio', label: t('spotChecks.form.byRatio') },
              { value: 'count', label: t('spotChecks.form.byCount') },
            ]}
          />
        </Form.Item>
        {mode === 'count' ? (
          <Form.Item name="count" label={t('spotChecks.form.count')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <Form.Item name="ratioPct" label={t('spotChecks.form.ratio')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0.1} max={100} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="stratified" label={t('spotChecks.form.stratified')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {validYear !== undefined && population.data && (
        <div data-testid="spot-check-population">
          <Typography.Text strong>
            {population.data.total ? t('spotChecks.form.preview', { total: population.data.total }) : t('spotChecks.form.previewEmpty')}
          </Typography.Text>
          {population.data.total > 0 && (
            <Table
              size="small"
              rowKey="districtCode"
              pagination={false}
              style={{ marginTop: 8 }}
              dataSource={population.data.districts}
              columns={[
                { title: t('spotChecks.form.district'), dataIndex: 'districtName', key: 'district' },
                { title: t('spotChecks.form.count_'), dataIndex: 'count', key: 'count', width: 140 },
              ]}
            />
          )}
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('spotChecks.form.hint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
