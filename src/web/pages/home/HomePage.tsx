import type { ReactNode } from 'react';
import { Avatar, Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  KeyOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { Action } from '../../../shared/domain/permissions';
import { useSignedIn } from '../../app/session';
import { PageContainer } from '../../components/PageContainer';
import { useT, type MessageKey } from '../../i18n';
import { orgKindLabel, roleLabel } from '../../i18n/labels';
import type { Role } from '../../../shared/domain/roles';
import { RoundCounts } from './RoundCounts';
import { WorkRounds } from './WorkRounds';

interface Shortcut {
  key: string;
  to: string;
  icon: ReactNode;
  title: MessageKey;
  desc: MessageKey;
  action?: Action;
  enterpriseOnly?: boolean;
  /** Only for these roles. */
  roles?: readonly Role[];
}

const SHORTCUTS: Shortcut[] = [
  { key: 'rounds', to: '/rounds', icon: <FileSearchOutlined />, title: 'menu.rounds', desc: 'home.roundsDesc', action: 'round.list' },
  { key: 'dashboards', to: '/dashboards', icon: <PieChartOutlined />, title: 'dashboards.menu', desc: 'dashboards.homeDesc', action: 'dashboard.read' },
  { key: 'plans', to: '/plan-entries', icon: <OrderedListOutlined />, title: 'menu.plans', desc: 'home.plansDesc', action: 'planEntry.list' },
  { key: 'campaigns', to: '/campaigns', icon: <CalendarOutlined />, title: 'menu.campaigns', desc: 'home.campaignsDesc', action: 'campaign.read' },
  { key: 'enterprises', to: '/enterprises', icon: <BankOutlined />, title: 'menu.enterprises', desc: 'home.enterprisesDesc', action: 'enterprise.list' },
  {
    key: 'enterpriseNew',
    to: '/enterprises/new',
    icon: <PlusCircleOutlined />,
    title: 'enterprise.create',
    desc: 'home.createEnterpriseDesc',
    action: 'enterprise.create',
  },
  {
    key: 'mine',
    to: '/my-enterprise',
    icon: <ProfileOutlined />,
    title: 'menu.myEnterprise',
    desc: 'home.myEnterpriseDesc',
    action: 'enterprise.read',
    enterpriseOnly: true,
  },
  { key: 'users', to: '/users', icon: <TeamOutlined />, title: 'menu.users', desc: 'home.usersDesc', action: 'user.list' },
  { key: 'audit', to: '/audit', icon: <AuditOutlined />, title: 'menu.audit', desc: 'home.auditDesc', action: 'audit.list' },
  { key: 'reviews', to: '/reviews', icon: <SolutionOutlined />, title: 'material.home.reviews', desc: 'material.home.reviewsDesc', roles: ['expert'] },
];

/** The work view of my role: my rounds (enterprise), my clients' rounds (agency), counts and what waits for me (bureaus). */
function WorkView({ role }: { role: Role }) {
  if (role === 'enterprise_user') {
    return <WorkRounds title="material.home.myRounds" query={{}} moreLink="/rounds" empty="material.home.noRounds" />;
  }
  if (role === 'agency_user') {
    return <WorkRounds title="material.home.clientRounds" query={{}} moreLink="/rounds" empty="material.home.noRounds" />;
  }
  return (
    <>
      <RoundCounts />
      <WorkRounds
        title="material.home.waitingList"
        query={{ waitingForMe: 'true' }}
        moreLink="/rounds?waitingForMe=true"
        empty="material.home.waitingEmpty"
      />
    </>
  );
}

/** 工作台: who I am, what waits for me, and where I can go. */
export default function HomePage() {
  const { t, locale } = useT();
  const { user, can } = useSignedIn();
  const navigate = useNavigate();
  const shortcuts = SHORTCUTS.filter(
    (s) => (!s.action || can(s.action)) && (!s.enterpriseOnly || Boolean(user.enterpriseId)) && (!s.roles || s.roles.includes(user.role)),
  );
  const date = dayjs().format(locale === 'zh-CN' ? 'YYYY年M月D日 dddd' : 'dddd, D MMMM YYYY');

  return (
    <PageContainer title={t('menu.home')}>
      <Card className="welcome-card">
        <Avatar size={64} icon={<UserOutlined />} style={{ background: '#1765c1', flex: 'none' }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Title level={4} className="welcome-title">
            {t('home.welcome', { name: user.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('home.today', { date })}</Typography.Text>
          <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('home.org')}>
              {user.org.name}（{orgKindLabel(t, user.org.kind)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('home.role')}>{roleLabel(t, user.role)}</Descriptions.Item>
            <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
          </Descriptions>
        </div>
      </Card>
      {can('round.list') && <WorkView role={user.role} />}
      <Card title={t('home.shortcuts')}>
        {shortcuts.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noShortcuts')} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={[16, 16]}>
          {[...shortcuts, { key: 'password', to: '/change-password', icon: <KeyOutlined />, title: 'menu.changePassword' as const, desc: 'home.changePasswordDesc' as const }].map((s) => (
            <Col key={s.key} xs={24} sm={12} lg={8} xl={6}>
              <Card hoverable className="shortcut-card" onClick={() => void navigate(s.to)} role="link" aria-label={t(s.title)}>
                {s.icon}
                <div className="shortcut-title">{t(s.title)}</div>
                <div className="shortcut-desc">{t(s.desc)}</div>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </PageContainer>
  );
}
