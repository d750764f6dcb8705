import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';

const SpotCheckListPage = lazy(() => import('./SpotCheckListPage'));
const SpotCheckDetailPage = lazy(() => import('./SpotCheckDetailPage'));
const PortalSpotChecksPage = lazy(() => import('./PortalSpotChecksPage').then((m) => ({ default: m.PortalSpotChecksPage })));
const PortalSpotCheckPage = lazy(() => import('./PortalSpotChecksPage').then((m) => ({ default: m.PortalSpotCheckPage })));

/** The signed-in spot-check pages (children of the app layout). */
export const spotCheckAppRoutes: RouteObject[] = [
  { path: 'spot-checks', element: <RequirePermission action="spotCheck.read"><SpotCheckListPage /></RequirePermission> },
  { path: 'spot-checks/:id', element: <RequirePermission action="spotCheck.read"><SpotCheckDetailPage /></RequirePermission> },
];

/** The public notices (children of the portal layout). */
export const spotCheckPortalRoutes: RouteObject[] = [
  { path: 'spot-checks', element: <PortalSpotChecksPage /> },
  { path: 'spot-checks/:id', element: <PortalSpotCheckPage /> },
];
