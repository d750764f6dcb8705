import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Baseline } from '../../../../shared/contracts/options';
import { BASELINE_FIELDS, BASELINE_LABELS, MAX_FIGURE, type BaselineField } from '../../../../shared/domain/options';
import { isApiError } from '../../../api/client';
import { optionApi } from '../../../api/endpoints';
import { applyServerFieldErrors } from '../../../components/form';
import { useT } from '../../../i18n';
import { label } from '../../../i18n/labels';
import { figure, optionsKey } from './optionUi';

type Values = Partial<Record<BaselineField, number | null>>;

/** The round's declared annual consumption: a form for the enterprise side, read-only otherwise. */
export function BaselineCard({ roundId, baseline, editable }: { roundId: string; baseline: Baseline; editable: boolean }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    setError(null);
    try {
      await optionApi.saveBaseline(roundId, {
        energyTce: v.energyTce ?? null,
        electricity10kKwh: v.electricity10kKwh ?? null,
        waterTonnes: v.waterTonnes ?? null,
      });
      await queryClient.invalidateQueries({ queryKey: optionsKey(roundId) });
      void message.success(t('options.baseline.saved'));
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, BASELINE_FIELDS))) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('options.baseline.title')} data-testid="option-baseline">
      <Typography.Paragraph type="secondary">{t('options.baseline.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {editable ? (
        <Form<Values> form={form} layout="vertical" name="baseline" initialValues={baseline}>
          <Row gutter={16} align="bottom">
            {BASELINE_FIELDS.map((field) => (
              <Col span={6} key={field}>
                <Form.Item name={field} label={label(field, locale)}>
                  <InputNumber style={{ width: '100%' }} min={0} max={MAX_FIGURE} aria-label={label(field, locale)} />
                </Form.Item>
              </Col>
            ))}
            <Col span={6}>
              <Form.Item>
                <Button type="primary" loading={busy} onClick={() => void save()}>
                  {t('options.baseline.save')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : (
        <Descriptions size="small" column={3}>
          {BASELINE_FIELDS.map((field) => {
            const value = baseline[field];
            return (
              <Descriptions.Item key={field} label={BASELINE_LABELS[field].label[locale]}>
                {value === null ? (
                  <Typography.Text type="secondary">{t('options.baseline.notSet')}</Typography.Text>
                ) : (
                  `${figure(value, locale)} ${BASELINE_LABELS[field].unit[locale]}`
                )}
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      )}
    </Card>
  );
}
