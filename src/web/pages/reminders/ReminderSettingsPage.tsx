import { Alert, Button, Card, Form, InputNumber, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ReminderSettingsBody } from '../../../shared/contracts/reminders';
import { REMINDER_LIMITS } from '../../../shared/domain/reminders';
import { reminderApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useSettingsForm } from '../../components/settingsForm';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';

const settingsKey = ['reminder-settings'] as const;
const L = REMINDER_LIMITS;

/** 到期提醒设置: the city's reminder days, escalation delay and switch for the deadline engine. */
export default function ReminderSettingsPage() {
  const { t } = useT();
  const { form, query, busy, error, clearError, save } = useSettingsForm({
    key: settingsKey,
    load: reminderApi.settings,
    save: reminderApi.saveSettings,
    savedMessage: t('reminders.settings.saved'),
  });
  const { data, error: loadError, isPending, refetch } = query;

  if (isPending) return <Loading />;
  if (loadError) return <ErrorResult error={loadError} onRetry={() => void refetch()} />;
  const manage = data.abilities.manage;

  const dayRule = { required: true, type: 'integer' as const, min: L.remindDay.min, max: L.remindDay.max, message: t('reminders.settings.dayRange') };

  return (
    <PageContainer
      title={t('reminders.settings.title')}
      breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('menu.system') }, { title: t('reminders.settings.menu') }]}
      extra={
        manage && (
          <Button type="primary" loading={busy} onClick={() => void save()}>
            {t('reminders.settings.save')}
          </Button>
        )
      }
    >
      <Card>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('reminders.settings.hint')} />
          <Typography.Text type="secondary">
            {data.updatedAt
              ? t('reminders.settings.updated', { user: data.updatedBy ?? '—', at: dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm') })
              : t('reminders.settings.defaults')}
            {!manage && ` ${t('reminders.settings.readOnly')}`}
          </Typography.Text>
          {error && <Alert type="error" showIcon message={error} closable onClose={clearError} data-testid="reminder-settings-error" />}
          <Form<ReminderSettingsBody>
            form={form}
            name="reminderSettings"
            layout="vertical"
            initialValues={data.settings}
            disabled={!manage}
            key={data.updatedAt ?? 'defaults'}
            style={{ maxWidth: 560 }}
          >
            <Form.Item label={t('reminders.settings.remindDays')} extra={t('reminders.settings.remindDaysHint')} required>
              <Form.List
                name="remindDays"
                rules={[
                  {
                    validator: async (_, days: (number | null)[] = []) => {
                      const given = days.filter((d) => d !== null && d !== undefined);
                      if (new Set(given).size !== given.length) throw new Error(t('reminders.settings.duplicate'));
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <Space direction="vertical" size={8}>
                    {fields.map((field, index) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={field.name} rules={[dayRule]} style={{ marginBottom: 0 }}>
                          <InputNumber
                            min={L.remindDay.min}
                            max={L.remindDay.max}
                            precision={0}
                            addonAfter={t('reminders.settings.days')}
                            aria-label={`${t('reminders.settings.remindDays')} ${index + 1}`}
                          />
                        </Form.Item>
                        {fields.length > L.remindDaysCount.min && manage && (
                          <MinusCircleOutlined aria-label={t('reminders.settings.removeDay')} onClick={() => remove(field.name)} />
                        )}
                      </Space>
                    ))}
                    {fields.length < L.remindDaysCount.max && manage && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                        {t('reminders.settings.addDay')}
                      </Button>
                    )}
                    <Form.ErrorList errors={errors} />
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item
              name="escalateAfterDays"
              label={t('reminders.settings.escalateAfterDays')}
              extra={t('reminders.settings.escalateAfterDaysHint')}
              rules={[{ required: true, type: 'integer', min: L.escalateAfterDays.min, max: L.escalateAfterDays.max, message: t('reminders.settings.dayRange') }]}
            >
              <InputNumber min={L.escalateAfterDays.min} max={L.escalateAfterDays.max} precision={0} addonAfter={t('reminders.settings.days')} />
            </Form.Item>
            <Form.Item name="enabled" label={t('reminders.settings.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        </Space>
      </Card>
    </PageContainer>
  );
}
