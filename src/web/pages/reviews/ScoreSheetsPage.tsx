import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GradingRuleInput } from '../../../shared/contracts/reviews';
import { reviewApi } from '../../api/reviewEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { SheetEditor } from './SheetEditor';

const ruleKey = ['grading-rule'] as const;
const AGGREGATES = ['mean', 'trimmedMean', 'median'] as const;

function GradingRuleCard() {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GradingRuleInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data, error: loadError, isPending, refetch } = useQuery({ queryKey: ruleKey, queryFn: reviewApi.rule });
  if (isPending) return <Loading />;
  if (loadError) return <ErrorResult error={loadError} onRetry={() => void refetch()} />;

  const save = async () => {
    let values: GradingRuleInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(ruleKey, await reviewApi.saveRule(values));
      void message.success(t('reviews.admin.ruleSaved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      const fields = (e as { fields?: Record<string, string> }).fields ?? {};
      form.setFields(Object.entries(fields).map(([path, msg]) => ({ name: path.split('.') as [keyof GradingRuleInput], errors: [msg] })));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('reviews.admin.required') }];
  return (
    <Card
      title={t('reviews.admin.ruleTitle')}
      extra={
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('reviews.admin.saveRule')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} closable onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" initialValues={data} name="gradingRule" key={JSON.stringify(data)}>
        <Space wrap size={24} align="start">
          <Form.Item name="aggregate" label={t('reviews.admin.aggregate')} rules={required}>
            <Select style={{ width: 240 }} options={AGGREGATES.map((a) => ({ value: a, label: t(`reviews.admin.aggregates.${a}`) }))} />
          </Form.Item>
          <Form.Item name={['evaluation', 'failBelow']} label={t('reviews.admin.evaluationFailBelow')} rules={required}>
            <InputNumber min={0} max={100} step={0.5} precision={1} />
          </Form.Item>
          <Form.Item name={['evaluation', 'passAtOrAbove']} label={t('reviews.admin.evaluationPassAtOrAbove')} rules={required}>
            <InputNumber min={0} max={100} step={0.5} precision={1} />
          </Form.Item>
          <Form.Item name={['acceptance', 'failBelow']} label={t('reviews.admin.acceptanceFailBelow')} rules={required}>
            <InputNumber min={0} max={100} step={0.5} precision={1} />
          </Form.Item>
          <Form.Item name="minPanelSize" label={t('reviews.admin.minPanelSize')} rules={required}>
            <InputNumber min={1} max={15} precision={0} />
          </Form.Item>
          <Form.Item name="requireOdd" label={t('reviews.admin.requireOdd')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

/** 评分表与评分规则 (系统管理): the city's evaluation and acceptance score sheets and its grading rule. */
export default function ScoreSheetsPage() {
  const { t } = useT();
  return (
    <PageContainer
      title={t('reviews.admin.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('menu.system') }, { title: t('reviews.menu.sheets') }]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <GradingRuleCard />
        <SheetEditor kind="evaluation" />
        <SheetEditor kind="acceptance" />
      </Space>
    </PageContainer>
  );
}
