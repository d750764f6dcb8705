import type { ReactNode } from 'react';
import {
  AuditOutlined,
  ShopOutlined,
  BankOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  CheckSquareOutlined,
  FileSearchOutlined,
  OrderedListOutlined,
  DesktopOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  SolutionOutlined,
  FormOutlined,
  BellOutlined,
  MailOutlined,
  TableOutlined,
  PieChartOutlined,
} from '@ant-design/icons';
import type { Action } from '../../shared/domain/permissions';
import type { MessageKey } from '../i18n';

export interface MenuEntry {
  key: string;
  path?: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only with this permission. */
  action?: Action;
  /** Shown only to users of an enterprise. */
  enterpriseOnly?: boolean;
  children?: MenuEntry[];
}

/** The side menu; entries appear according to the session's permissions. */
export const MENU: MenuEntry[] = [
  { key: '/', path: '/', label: 'menu.home', icon: <DesktopOutlined /> },
  { key: '/enterprises', path: '/enterprises', label: 'menu.enterprises', icon: <BankOutlined />, action: 'enterprise.list' },
  { key: '/rounds', path: '/rounds', label: 'menu.rounds', icon: <FileSearchOutlined />, action: 'round.list' },
  { key: '/plan-entries', path: '/plan-entries', label: 'menu.plans', icon: <OrderedListOutlined />, action: 'planEntry.list' },
  { key: '/campaigns', path: '/campaigns', label: 'menu.campaigns', icon: <CalendarOutlined />, action: 'campaign.read' },
  { key: '/result-batches', path: '/result-batches', label: 'portal.batches.menu', icon: <TrophyOutlined />, action: 'result.publish' },
  { key: '/reviews', path: '/reviews', label: 'reviews.menu.mine', icon: <SolutionOutlined />, action: 'review.score' },
  { key: '/expert-ratings', path: '/expert-ratings', label: 'expertWork.menu', icon: <SolutionOutlined />, action: 'expertRatings.read' },
  { key: '/experts', path: '/experts', label: 'experts.menu.library', icon: <TeamOutlined />, action: 'expert.manage' },
  { key: '/my-expert-profile', path: '/my-expert-profile', label: 'experts.menu.mine', icon: <ProfileOutlined />, action: 'expert.self' },
  { key: '/agencies', path: '/agencies', label: 'agencies.menu.list', icon: <ShopOutlined />, action: 'agency.list' },
  { key: '/my-agency', path: '/my-agency', label: 'agencies.menu.mine', icon: <ShopOutlined />, action: 'agency.self' },
  { key: '/enforcement', path: '/enforcement', label: 'enforcement.menu', icon: <AuditOutlined />, action: 'enforcement.read' },
  { key: '/spot-checks', path: '/spot-checks', label: 'spotChecks.menu', icon: <CheckSquareOutlined />, action: 'spotCheck.read' },
  { key: '/calendar', path: '/calendar', label: 'calendar.menu', icon: <ScheduleOutlined /> },
  { key: '/dashboards', path: '/dashboards', label: 'dashboards.menu', icon: <PieChartOutlined />, action: 'dashboard.read' },
  { key: '/statistics/summary', path: '/statistics/summary', label: 'statistics.menu', icon: <TableOutlined />, action: 'statistics.read' },
  {
    key: '/my-enterprise',
    path: '/my-enterprise',
    label: 'menu.myEnterprise',
    icon: <ProfileOutlined />,
    action: 'enterprise.read',
    enterpriseOnly: true,
  },
  {
    key: 'system',
    label: 'menu.system',
    icon: <SettingOutlined />,
    children: [
      { key: '/users', path: '/users', label: 'menu.users', icon: <TeamOutlined />, action: 'user.list' },
      { key: '/audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, action: 'audit.list' },
      { key: '/option-rules', path: '/option-rules', label: 'options.rules.menu', icon: <CheckSquareOutlined />, action: 'optionRules.read' },
      { key: '/score-sheets', path: '/score-sheets', label: 'reviews.menu.sheets', icon: <FormOutlined />, action: 'scoreSheet.manage' },
      { key: '/reminder-settings', path: '/reminder-settings', label: 'reminders.settings.menu', icon: <BellOutlined />, action: 'reminder.manage' },
      { key: '/mail-outbox', path: '/mail-outbox', label: 'mail.outbox.menu', icon: <MailOutlined />, action: 'mail.admin' },
    ],
  },
];

/** The menu key of a location: the longest entry path that prefixes it. */
export function selectedKey(pathname: string, enterpriseId: string | null): string {
  if (enterpriseId && pathname.startsWith(`/enterprises/${enterpriseId}`)) return '/my-enterprise';
  const paths = MENU.flatMap((e) => [e, ...(e.children ?? [])])
    .map((e) => e.path)
    .filter((p): p is string => Boolean(p) && p !== '/');
  const match = paths.filter((p) => pathname === p || pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return match ?? (pathname === '/' ? '/' : '');
}
