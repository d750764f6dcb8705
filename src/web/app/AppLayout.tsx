import { Suspense, useMemo, useState } from 'react';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, MailOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/Loading';
import { Logo } from '../components/Logo';
import { useT } from '../i18n';
import { roleLabel } from '../i18n/labels';
import { MENU, selectedKey, type MenuEntry } from './menu';
import { NotificationBell } from './NotificationBell';
import { useSignedIn, useSession } from './session';

const { Sider, Header, Content, Footer } = Layout;

/** The signed-in frame: side menu, header with language and user menu, content. */
export function AppLayout() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    if (user.mustChangePassword) return [];
    const visible = (e: MenuEntry) => (!e.action || can(e.action)) && (!e.enterpriseOnly || Boolean(user.enterpriseId));
    const toItem = (e: MenuEntry): NonNullable<MenuProps['items']>[number] | null => {
      if (e.children) {
        const children = e.children.filter(visible).map(toItem).filter((c) => c !== null);
        return children.length ? { key: e.key, icon: e.icon, label: t(e.label), children } : null;
      }
      return visible(e) ? { key: e.key, icon: e.icon, label: t(e.label), 'data-testid': `menu-${e.key}` } : null;
    };
    return MENU.map(toItem).filter((i) => i !== null);
  }, [t, can, user.mustChangePassword, user.enterpriseId]);

  const current = selectedKey(location.pathname, user.enterpriseId);

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/change-password');
    if (key === 'mail') void navigate('/mail-preferences');
    if (key === 'logout') {
      void signOut().then(() => navigate('/login', { replace: true, state: { loggedOut: true } }));
    }
  };

  return (
    <Layout className="app-shell">
      <ScrollRestoration />
      <Sider
        width={232}
        collapsedWidth={64}
        collapsed={collapsed}
        trigger={null}
        className="app-sider"
        theme="dark"
      >
        <div className={`app-brand ${locale === 'en' ? 'app-brand-en' : ''}`} onClick={() => void navigate('/')}>
          <Logo size={32} />
          {!collapsed && <span className="app-brand-name">{t('app.name')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          defaultOpenKeys={['system']}
          items={items}
          onClick={({ key }) => void navigate(key)}
        />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Button
            type="text"
            aria-label={collapsed ? t('menu.expand') : t('menu.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Typography.Text className="app-header-org" type="secondary">
            {t('app.subtitle')}
          </Typography.Text>
          <Space size={8} className="app-header-right">
            {!user.mustChangePassword && <NotificationBell />}
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                onClick: onUserMenu,
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <div className="user-menu-head">
                        <div className="user-menu-name">{user.displayName}</div>
                        <div>{user.org.name}</div>
                        <div>{roleLabel(t, user.role)}</div>
                      </div>
                    ),
                  },
                  { type: 'divider' },
                  { key: 'password', icon: <KeyOutlined />, label: t('menu.changePassword') },
                  { key: 'mail', icon: <MailOutlined />, label: t('mail.prefs.menu'), 'data-testid': 'user-menu-mail' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
                ],
              }}
            >
              <Button type="text" className="user-button" data-testid="user-menu">
                <Avatar size={28} icon={<UserOutlined />} className="user-avatar" />
                <span className="user-name">{user.displayName}</span>
                <span className="user-org">{user.org.name}</span>
                <Tag color="blue" bordered={false} className="user-role">
                  {roleLabel(t, user.role)}
                </Tag>
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content className="app-content">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer className="app-footer">{t('app.copyright', { year: new Date().getFullYear() })}</Footer>
      </Layout>
    </Layout>
  );
}
