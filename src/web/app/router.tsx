import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import type { Action } from '../../shared/domain/permissions';
import { ErrorResult, NotFoundResult, ForbiddenResult } from '../components/ErrorResult';
import { LoginPage } from '../pages/auth/LoginPage';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from './guards';

const HomePage = lazy(() => import('../pages/home/HomePage'));
const ChangePasswordPage = lazy(() => import('../pages/auth/ChangePasswordPage'));
const EnterpriseListPage = lazy(() => import('../pages/enterprises/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('../pages/enterprises/EnterpriseDetailPage'));
const EnterpriseCreatePage = lazy(() => import('../pages/enterprises/EnterpriseCreatePage'));
const EnterpriseEditPage = lazy(() => import('../pages/enterprises/EnterpriseEditPage'));
const MyEnterprisePage = lazy(() => import('../pages/enterprises/MyEnterprisePage'));
const UserListPage = lazy(() => import('../pages/users/UserListPage'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage'));

const guarded = (action: Action, page: ReactNode) => <RequirePermission action={action}>{page}</RequirePermission>;

function RouteError() {
  const error = useRouteError();
  return <ErrorResult error={error} onRetry={() => window.location.reload()} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
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
      { path: 'users', element: guarded('user.list', <UserListPage />) },
      { path: 'audit', element: guarded('audit.list', <AuditPage />) },
      { path: '403', element: <ForbiddenResult /> },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
]);
