import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { PASSWORD_RULE } from '../../../shared/contracts/auth';
import { isApiError } from '../../api/client';
import { userApi, type UserRow } from '../../api/endpoints';
import { applyServerFieldErrors } from '../../components/form';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

/** An administrator sets a temporary password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: UserRow | undefined; onClose: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!user) return;
    let values: { newPassword: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await userApi.resetPassword(user.id, values.newPassword);
      void message.success(t('user.resetDone'));
      onClose();
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, ['newPassword']))) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('user.resetTitle', { name: user.displayName }) : ''}
      okText={t('user.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && setError(null)}
    >
      <Alert type="info" showIcon message={t('user.resetHint')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="resetPassword" layout="vertical" preserve={false}>
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
      </Form>
    </Modal>
  );
}
