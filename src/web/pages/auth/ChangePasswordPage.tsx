import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { PASSWORD_RULE } from '../../../shared/contracts/auth';
import { isApiError } from '../../api/client';
import { authApi } from '../../api/endpoints';
import { useSession, useSignedIn } from '../../app/session';
import { applyServerFieldErrors } from '../../components/form';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t, locale } = useT();
  const { user } = useSignedIn();
  const { reload } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      void message.success(t('password.success'));
      await reload();
      void navigate('/', { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'PASSWORD_WRONG') {
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      } else if (!(isApiError(e) && applyServerFieldErrors(form, e, ['currentPassword', 'newPassword']))) {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer title={t('password.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('password.title') }]}>
      <Card>
        <div style={{ maxWidth: 480 }}>
          {user.mustChangePassword && <Alert type="warning" showIcon message={t('password.mustChange')} style={{ marginBottom: 24 }} />}
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 24 }} />}
          <Form<Values> form={form} name="changePassword" layout="vertical" onFinish={(v) => void onFinish(v)}>
            <Form.Item
              name="currentPassword"
              label={label('currentPassword', locale)}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={label('newPassword', locale)}
              extra={t('password.rule')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: PASSWORD_RULE, message: t('password.rule') },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('password.confirm')}
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: unknown) => {
                    if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <div className="table-meta" style={{ marginBottom: 16 }}>
              {t('password.otherSessions')}
            </div>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form>
        </div>
      </Card>
    </PageContainer>
  );
}
