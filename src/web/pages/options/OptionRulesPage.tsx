import { Alert, Button, Card, Form, InputNumber, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { OptionRulesBody } from '../../../shared/contracts/options';
import { OPTION_RULE_CODES, OPTION_RULE_LABELS, OPTION_RULE_LIMITS, type OptionRuleCode } from '../../../shared/domain/options';
import { optionRulesApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useSettingsForm } from '../../components/settingsForm';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT, type MessageKey } from '../../i18n';

const rulesKey = ['option-rules'] as const;

/** The control of a form value that has no input (the empty parameters of a rule). */
const NoInput = () => null;

/** The parameters each rule takes, with their bounds and whether they are whole numbers. */
const PARAMS: Record<OptionRuleCode, { name: keyof typeof OPTION_RULE_LIMITS; label: MessageKey; step: number; precision?: number }[]> = {
  lowCostNoBenefit: [],
  highCostIncomplete: [],
  implausibleBenefit: [{ name: 'maxShare', label: 'options.rules.maxShare', step: 0.1 }],
  tooFewOptions: [{ name: 'minOptions', label: 'options.rules.minOptions', step: 1, precision: 0 }],
  similarTexts: [
    { name: 'threshold', label: 'options.rules.threshold', step: 0.05 },
    { name: 'shingleSize', label: 'options.rules.shingleSize', step: 1, precision: 0 },
  ],
};

/** 方案质量规则: the city's option quality rules (read by bureau staff, edited by the city administrator). */
export default function OptionRulesPage() {
  const { t, locale } = useT();
  const { form, query, busy, error, clearError, save } = useSettingsForm({
    key: rulesKey,
    load: optionRulesApi.get,
    save: optionRulesApi.save,
    savedMessage: t('options.rules.saved'),
  });
  const { data, error: loadError, isPending, refetch } = query;

  if (isPending) return <Loading />;
  if (loadError) return <ErrorResult error={loadError} onRetry={() => void refetch()} />;
  const manage = data.abilities.manage;

  return (
    <PageContainer
      title={t('options.rules.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('menu.system') }, { title: t('options.rules.menu') }]}
      extra={
        manage && (
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {t('options.rules.save')}
          </Button>
        )
      }
    >
      <Card>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('options.rules.hint')} />
          <Typography.Text type="secondary">
            {data.updatedAt
              ? t('options.rules.updated', { user: data.updatedBy ?? '—', at: dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm') })
              : t('options.rules.defaults')}
            {!manage && ` ${t('options.rules.readOnly')}`}
          </Typography.Text>
          {error && <Alert type="error" showIcon message={error} closable onClose={clearError} data-testid="option-rules-error" />}
          <Form<OptionRulesBody> form={form} name="optionRules" initialValues={data.rules} disabled={!manage} key={data.updatedAt ?? 'defaults'}>
            {OPTION_RULE_CODES.filter((code) => PARAMS[code].length === 0).map((code) => (
              // Rules without parameters still send `params: {}`.
              <Form.Item key={code} name={[code, 'params']} hidden>
                <NoInput />
              </Form.Item>
            ))}
            <Table
              rowKey="code"
              pagination={false}
              dataSource={OPTION_RULE_CODES.map((code) => ({ code }))}
              columns={[
                { title: t('options.rules.rule'), key: 'rule', render: (_, r) => OPTION_RULE_LABELS[r.code][locale] },
                {
                  title: t('options.rules.enabled'),
                  key: 'enabled',
                  width: 100,
                  render: (_, r) => (
                    <Form.Item name={[r.code, 'enabled']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Switch aria-label={`${OPTION_RULE_LABELS[r.code][locale]} ${t('options.rules.enabled')}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('options.rules.params'),
                  key: 'params',
                  render: (_, r) =>
                    PARAMS[r.code].length === 0 ? (
                      <Typography.Text type="secondary">{t('options.rules.noParams')}</Typography.Text>
                    ) : (
                      <Space direction="vertical" size={4}>
                        {PARAMS[r.code].map((p) => (
                          <Form.Item
                            key={p.name}
                            name={[r.code, 'params', p.name]}
                            label={t(p.label)}
                            rules={[{ required: true, message: t('common.required') }]}
                            style={{ marginBottom: 0 }}
                          >
                            <InputNumber
                              min={OPTION_RULE_LIMITS[p.name].min}
                              max={OPTION_RULE_LIMITS[p.name].max}
                              step={p.step}
                              precision={p.precision}
                              aria-label={t(p.label)}
                            />
                          </Form.Item>
                        ))}
                      </Space>
                    ),
                },
              ]}
            />
          </Form>
        </Space>
      </Card>
    </PageContainer>
  );
}
