import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import type { Action } from '../../shared/domain/permissions';
import { ErrorResult, NotFoundResult, ForbiddenResult } from '../components/ErrorResult';
import { LoginPage } from '../pages/auth/LoginPage';
import { Loading } from '../components/Loading';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from './guards';
import { agencyAppRoutes, agencyPortalRoutes } from '../pages/agencies/agencyRoutes';
import { enforcementAppRoutes } from '../pages/enforcement/enforcementRoutes';
import { spotCheckAppRoutes, spotCheckPortalRoutes } from '../pages/spotChecks/spotCheckRoutes';

const HomePage = lazy(() => import('../pages/home/HomePage'));
const ChangePasswordPage = lazy(() => import('../pages/auth/ChangePasswordPage'));
const EnterpriseListPage = lazy(() => import('../pages/enterprises/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('../pages/enterprises/EnterpriseDetailPage'));
const EnterpriseCreatePage = lazy(() => import('../pages/enterprises/EnterpriseCreatePage'));
const EnterpriseEditPage = lazy(() => import('../pages/enterprises/EnterpriseEditPage'));
const MyEnterprisePage = lazy(() => import('../pages/enterprises/MyEnterprisePage'));
const UserListPage = lazy(() => import('../pages/users/UserListPage'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage'));
const CampaignListPage = lazy(() => import('../pages/campaigns/CampaignListPage'));
const CampaignDetailPage = lazy(() => import('../pages/campaigns/CampaignDetailPage'));
const CampaignFormPage = lazy(() => import('../pages/campaigns/CampaignFormPage'));
const PlanListPage = lazy(() => import('../pages/plans/PlanListPage'));
const PlanImportPage = lazy(() => import('../pages/plans/PlanImportPage'));
const RoundListPage = lazy(() => import('../pages/rounds/RoundListPage'));
const RoundDetailPage = lazy(() => import('../pages/rounds/RoundDetailPage'));
const PortalLayout = lazy(() => import('../pages/portal/PortalLayout'));
const PortalHomePage = lazy(() => import('../pages/portal/PortalHomePage'));
const PortalListsPage = lazy(() => import('../pages/portal/PortalListsPage'));
const PortalResultsPage = lazy(() => import('../pages/portal/PortalResultsPage'));
const PortalRoundPage = lazy(() => import('../pages/portal/PortalRoundPage'));
const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));
const ResultBatchPage = lazy(() => import('../pages/results/ResultBatchPage'));
const OptionRulesPage = lazy(() => import('../pages/options/OptionRulesPage'));
const MyReviewsPage = lazy(() => import('../pages/reviews/MyReviewsPage'));
const ScoringPage = lazy(() => import('../pages/reviews/ScoringPage'));
const ExpertRatingsPage = lazy(() => import('../pages/reviews/ExpertRatingsPage'));
const ScoreSheetsPage = lazy(() => import('../pages/reviews/ScoreSheetsPage'));
const ExpertListPage = lazy(() => import('../pages/experts/ExpertListPage'));
const ExpertDetailPage = lazy(() => import('../pages/experts/ExpertDetailPage'));
const MyExpertProfilePage = lazy(() => import('../pages/experts/MyExpertProfilePage'));
const ReminderSettingsPage = lazy(() => import('../pages/reminders/ReminderSettingsPage'));
const SummaryPage = lazy(() => import('../pages/statistics/SummaryPage'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage'));
const DashboardPage = lazy(() => import('../pages/dashboards/DashboardPage'));
const PortalOpenDataPage = lazy(() => import('../pages/portal/PortalOpenDataPage'));
const MailOutboxPage = lazy(() => import('../pages/mail/MailOutboxPage'));
const MailPreferencesPage = lazy(() => import('../pages/mail/MailPreferencesPage'));

const guarded = (action: Action, page: ReactNode) => <RequirePermission action={action}>{page}</RequirePermission>;

function RouteError() {
  const error = useRouteError();
  return <ErrorResult error={error} onRetry={() => window.location.reload()} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/portal',
    element: (
      <Suspense fallback={<Loading full />}>
        <PortalLayout />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'lists', element: <PortalListsPage /> },
      { path: 'results', element: <PortalResultsPage /> },
      { path: 'open-data', element: <PortalOpenDataPage /> },
      { path: 'rounds/:id', element: <PortalRoundPage /> },
      ...agencyPortalRoutes,
      ...spotCheckPortalRoutes,
      { path: '*', element: <NotFoundResult /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'change-password', element: <ChangePasswordPage /> },
      { path: 'enterprises', element: guarded('enterprise.list', <EnterpriseListPage />) },
      { path: 'enterprises/new', element: guarded('enterprise.create', <EnterpriseCreatePage />) },
      { path: 'enterprises/:id', element: guarded('enterprise.read', <EnterpriseDetailPage />) },
      { path: 'enterprises/:id/edit', element: guarded('enterprise.updateContacts', <EnterpriseEditPage />) },
      { path: 'my-enterprise', element: guarded('enterprise.read', <MyEnterprisePage />) },
      { path: 'campaigns', element: guarded('campaign.read', <CampaignListPage />) },
      { path: 'campaigns/new', element: guarded('campaign.manage', <CampaignFormPage />) },
      { path: 'campaigns/:id', element: guarded('campaign.read', <CampaignDetailPage />) },
      { path: 'campaigns/:id/edit', element: guarded('campaign.manage', <CampaignFormPage />) },
      { path: 'plan-entries', element: guarded('planEntry.list', <PlanListPage />) },
      { path: 'plan-entries/import', element: guarded('planEntry.import', <PlanImportPage />) },
      { path: 'rounds', element: guarded('round.list', <RoundListPage />) },
      { path: 'rounds/:id', element: guarded('round.read', <RoundDetailPage />) },
      { path: 'users', element: guarded('user.list', <UserListPage />) },
      { path: 'audit', element: guarded('audit.list', <AuditPage />) },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'dashboards', element: guarded('dashboard.read', <DashboardPage />) },
      { path: 'result-batches', element: guarded('result.publish', <ResultBatchPage />) },
      { path: 'option-rules', element: guarded('optionRules.read', <OptionRulesPage />) },
      { path: 'reviews', element: guarded('review.score', <MyReviewsPage />) },
      { path: 'reviews/:id', element: guarded('review.score', <ScoringPage />) },
      { path: 'expert-ratings', element: guarded('expertRatings.read', <ExpertRatingsPage />) },
      { path: 'score-sheets', element: guarded('scoreSheet.manage', <ScoreSheetsPage />) },
      { path: 'experts', element: guarded('expert.manage', <ExpertListPage />) },
      { path: 'experts/:id', element: guarded('expert.manage', <ExpertDetailPage />) },
      { path: 'my-expert-profile', element: guarded('expert.self', <MyExpertProfilePage />) },
      { path: 'reminder-settings', element: guarded('reminder.manage', <ReminderSettingsPage />) },
      { path: 'statistics/summary', element: guarded('statistics.read', <SummaryPage />) },
      { path: 'mail-outbox', element: guarded('mail.admin', <MailOutboxPage />) },
      { path: 'mail-preferences', element: <MailPreferencesPage /> },
      ...agencyAppRoutes,
      ...enforcementAppRoutes,
      ...spotCheckAppRoutes,
      { path: '403', element: <ForbiddenResult /> },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
]);
