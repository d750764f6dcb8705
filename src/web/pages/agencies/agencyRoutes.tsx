import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';

const AgencyListPage = lazy(() => import('./AgencyListPage'));
const AgencyDetailPage = lazy(() => import('./AgencyDetailPage'));
const MyAgencyPage = lazy(() => import('./MyAgencyPage'));
const PortalDishonestPage = lazy(() => import('../portal/PortalDishonestPage'));

/** The signed-in pages of the consulting agencies (children of the app layout). */
export const agencyAppRoutes: RouteObject[] = [
  { path: 'agencies', element: <RequirePermission action="agency.list"><AgencyListPage /></RequirePermission> },
  { path: 'agencies/:id', element: <RequirePermission action="agency.read"><AgencyDetailPage /></RequirePermission> },
  { path: 'my-agency', element: <RequirePermission action="agency.self"><MyAgencyPage /></RequirePermission> },
];

/** The public portal's dishonesty list (child of the portal layout). */
export const agencyPortalRoutes: RouteObject[] = [{ path: 'dishonest-agencies', element: <PortalDishonestPage /> }];
