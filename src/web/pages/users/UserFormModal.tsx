import { useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { PASSWORD_RULE } from '../../../shared/contracts/auth';
import { userCreateBody, type UserCreateBody } from '../../../shared/contracts/users';
import { ROLE_ORG_KIND, ROLES, type Role } from '../../../shared/domain/roles';
import { isApiError } from '../../api/client';
import { userApi, type UserRow } from '../../api/endpoints';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { useT } from '../../i18n';
import { label, roleLabel } from '../../i18n/labels';
import { OrgSelect } from './OrgSelect';

type Values = Partial<Omit<UserCreateBody, 'email' | 'phone'>> & { email?: string; phone?: string };
const FIELDS = ['username', 'displayName', 'role', 'orgId', 'email', 'phone', 'password'] as const;
const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

interface Props {
  /** The user to edit; undefined to create. */
  user: UserRow | undefined;
  open: boolean;
  onClose: () => void;
  onSaved: (user: UserRow, created: boolean) => void;
}

/** Create a user, or edit name, role, email and phone. The organisation fits the role. */
export function UserFormModal({ user, open, onClose, onSaved }: Props) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const creating = !user;

  const initialValues: Values = user
    ? { displayName: user.displayName, role: user.role, email: user.email ?? undefined, phone: user.phone ?? undefined }
    : {};

  // Editing keeps the organisation: only roles of the same organisation kind are offered.
  const roles = user ? ROLES.filter((r) => ROLE_ORG_KIND[r] === user.orgKind) : ROLES;
  const rule = (field: (typeof FIELDS)[number], required: boolean) => zodRule(userCreateBody.shape[field], locale, required);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = user
        ? await userApi.update(user.id, {
            displayName: values.displayName,
            role: values.role,
            email: blankToNull(values.email),
            phone: blankToNull(values.phone),
          })
        : await userApi.create({
            username: values.username?.trim() ?? '',
            displayName: values.displayName?.trim() ?? '',
            role: values.role as Role,
            orgId: values.orgId ?? '',
            email: blankToNull(values.email),
            phone: blankToNull(values.phone),
            password: values.password ?? '',
          });
      void message.success(user ? t('user.updated') : t('user.created', { name: saved.displayName }));
      onSaved(saved, creating);
    } catch (e) {
      if (!(isApiError(e) && applyServerFieldErrors(form, e, FIELDS))) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={creating ? t('user.create') : `${t('user.edit')} · ${user.username}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => visible && setError(null)}
      width={680}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="userForm" layout="vertical" preserve={false} initialValues={initialValues}>
        <Row gutter={16}>
          {creating && (
            <Col span={12}>
              <Form.Item name="username" label={label('username', locale)} required rules={[rule('username', true)]}>
                <Input autoComplete="off" maxLength={64} />
              </Form.Item>
            </Col>
          )}
          <Col span={creating ? 12 : 24}>
            <Form.Item name="displayName" label={label('displayName', locale)} required rules={[rule('displayName', true)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={label('role', locale)} required rules={[rule('role', true)]}>
              <Select
                options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                onChange={(next: Role) => {
                  if (creating && role && ROLE_ORG_KIND[role] !== ROLE_ORG_KIND[next]) form.setFieldValue('orgId', undefined);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {creating ? (
              <Form.Item name="orgId" label={label('orgId', locale)} required rules={[rule('orgId', true)]}>
                <OrgSelect kind={role ? ROLE_ORG_KIND[role] : undefined} />
              </Form.Item>
            ) : (
              <Form.Item label={label('orgId', locale)}>
                <Input value={user.orgName} disabled />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={label('email', locale)} rules={[rule('email', false)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={label('phone', locale)} rules={[rule('phone', false)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          {creating && (
            <Col span={12}>
              <Form.Item
                name="password"
                label={t('user.initialPassword')}
                extra={t('user.initialPasswordHint')}
                required
                rules={[
                  { required: true, message: t('common.required') },
                  { pattern: PASSWORD_RULE, message: t('password.rule') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
