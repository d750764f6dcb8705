import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';

const CaseListPage = lazy(() => import('./CaseListPage'));
const StepSuggestionsPage = lazy(() => import('./StepSuggestionsPage'));
const CreditRecordsPage = lazy(() => import('./CreditRecordsPage'));
const DisclosureScopePage = lazy(() => import('./DisclosureScopePage'));

/** The 执法与信用 pages (children of the app layout). */
export const enforcementAppRoutes: RouteObject[] = [
  { path: 'enforcement', element: <Navigate to="/enforcement/cases" replace /> },
  { path: 'enforcement/cases', element: <RequirePermission action="enforcement.read"><CaseListPage /></RequirePermission> },
  { path: 'enforcement/suggestions', element: <RequirePermission action="enforcement.read"><StepSuggestionsPage /></RequirePermission> },
  { path: 'enforcement/credit', element: <RequirePermission action="credit.read"><CreditRecordsPage /></RequirePermission> },
  { path: 'enforcement/disclosure-scope', element: <RequirePermission action="disclosureScope.read"><DisclosureScopePage /></RequirePermission> },
];
