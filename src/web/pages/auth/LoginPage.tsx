import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

interface LoginState {
  from?: string;
  loggedOut?: boolean;
}

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in page: product name, bureau, form, language switch. */
export function LoginPage() {
  const { t, locale } = useT();
  const { session, signIn, expired } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={state.from ?? '/'} replace />;

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const info = await signIn(values.username.trim(), values.password);
      const target = info.user.mustChangePassword ? '/change-password' : (state.from ?? '/');
      void navigate(target, { replace: true });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const notice = state.loggedOut ? t('login.loggedOut') : expired ? t('login.sessionExpired') : null;

  return (
    <div className="login-page">
      <div className="login-top">
        <LanguageSwitch light />
      </div>
      <div className="login-main">
        <div className={`login-intro ${locale === 'en' ? 'login-intro-en' : ''}`}>
          <Logo size={64} />
          <h1>{t('app.name')}</h1>
          <div className="login-subtitle">{t('app.subtitle')}</div>
          <div className="login-slogan">{t('app.slogan')}</div>
        </div>
        <Card className="login-card" variant="borderless">
          <div className="login-card-title">{t('login.title')}</div>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 20 }} role="alert" />}
          {!error && notice && <Alert type="info" showIcon message={notice} style={{ marginBottom: 20 }} />}
          <Form<LoginValues> name="login" layout="vertical" size="large" requiredMark={false} onFinish={(v) => void onFinish(v)}>
            <Form.Item
              name="username"
              label={label('username', locale)}
              rules={[{ required: true, whitespace: true, message: t('login.usernamePlaceholder') }]}
            >
              <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={label('password', locale)}
              rules={[{ required: true, message: t('login.passwordPlaceholder') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 12 }}>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <div className="table-meta" style={{ fontSize: 12 }}>
            {t('login.help')}
          </div>
          <div style={{ marginTop: 12, textAlign: 'center' }}>
            <Link to="/portal" data-testid="portal-link">
              {t('portal.loginLink')}
            </Link>
          </div>
        </Card>
      </div>
      <div className="login-footer">{t('app.copyright', { year: new Date().getFullYear() })}</div>
    </div>
  );
}
