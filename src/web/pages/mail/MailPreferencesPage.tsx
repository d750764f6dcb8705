import { useEffect } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailPreferencesInput } from '../../../shared/contracts/mail';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '../../../shared/domain/notificationKinds';
import { mailApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';

/** 邮件设置 (from the user menu): which notifications also come by e-mail, and the daily digest. */
export default function MailPreferencesPage() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MailPreferencesInput>();
  const prefs = useQuery({ queryKey: ['mail', 'preferences'], queryFn: mailApi.preferences });
  useEffect(() => {
    if (prefs.data) form.setFieldsValue({ emailKinds: prefs.data.emailKinds, dailyDigest: prefs.data.dailyDigest });
  }, [form, prefs.data]);
  const save = useMutation({
    mutationFn: mailApi.savePreferences,
    onSuccess: (data) => {
      queryClient.setQueryData(['mail', 'preferences'], data);
      void message.success(t('mail.prefs.saved'));
    },
    onError: (e) => void message.error(e.message),
  });

  return (
    <PageContainer title={t('mail.prefs.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('mail.prefs.title') }]}>
      <Card style={{ maxWidth: 720 }}>
        {prefs.isError ? (
          <ErrorResult error={prefs.error} onRetry={() => void prefs.refetch()} />
        ) : !prefs.data ? (
          <Loading />
        ) : (
          <Form<MailPreferencesInput> form={form} layout="vertical" name="mailPreferences" onFinish={(v) => save.mutate({ emailKinds: v.emailKinds ?? [], dailyDigest: Boolean(v.dailyDigest) })}>
            <Form.Item label={t('mail.prefs.address')}>
              {prefs.data.email ? (
                <Typography.Text data-testid="mail-address">{prefs.data.email}</Typography.Text>
              ) : (
                <Alert type="warning" showIcon message={t('mail.prefs.noAddress')} />
              )}
            </Form.Item>
            <Form.Item name="emailKinds" label={t('mail.prefs.kinds')} extra={t('mail.prefs.kindsHint')}>
              <Checkbox.Group>
                <Space direction="vertical">
                  {NOTIFICATION_KINDS.map((k) => (
                    <Checkbox key={k} value={k}>
                      {NOTIFICATION_KIND_LABELS[k][locale]}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="dailyDigest" label={t('mail.prefs.digest')} extra={t('mail.prefs.digestHint')} valuePropName="checked">
              <Switch aria-label={t('mail.prefs.digest')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="mail-preferences-save">
              {t('mail.prefs.save')}
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
