import { Suspense } from 'react';
import { Button, Layout, Menu } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Loading } from '../../components/Loading';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n';
import './portal.css';

const NAV = [
  { key: '/portal', label: 'portal.nav.home' },
  { key: '/portal/lists', label: 'portal.nav.lists' },
  { key: '/portal/results', label: 'portal.nav.results' },
  { key: '/portal/open-data', label: 'dashboards.openData.nav' },
  { key: '/portal/dishonest-agencies', label: 'agencies.portal.nav' },
  { key: '/portal/spot-checks', label: 'spotChecks.portal.nav' },
] as const;

/** The public portal's frame (no sign-in): top bar with navigation, language switch and a sign-in link. */
export default function PortalLayout() {
  const { t } = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = NAV.filter((n) => pathname === n.key || pathname.startsWith(`${n.key}/`)).sort((a, b) => b.key.length - a.key.length)[0];
  return (
    <Layout className="portal-shell">
      <ScrollRestoration />
      <header className="portal-header">
        <Link to="/portal" className="portal-brand">
          <Logo size={28} />
          <span className="portal-brand-name">{t('portal.title')}</span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          className="portal-nav"
          selectedKeys={selected ? [selected.key] : []}
          items={NAV.map((n) => ({ key: n.key, label: t(n.label), 'data-testid': `portal-nav-${n.key.split('/').at(-1)}` }))}
          onClick={({ key }) => void navigate(key)}
        />
        <div className="portal-header-right">
          <LanguageSwitch light />
          <Button type="text" icon={<LoginOutlined />} style={{ color: 'rgba(255,255,255,0.9)' }} onClick={() => void navigate('/login')}>
            {t('portal.signIn')}
          </Button>
        </div>
      </header>
      <main className="portal-content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">{t('app.copyright', { year: new Date().getFullYear() })}</footer>
    </Layout>
  );
}
