import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Action } from '../../shared/domain/permissions';
import { ForbiddenResult } from '../components/ErrorResult';
import { useSession } from './session';

/** Signed-in pages: anonymous → sign-in page (coming back afterwards); must change password → that page first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (session.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

/** A page that needs a permission: without it the 403 page. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useSession();
  return can(action) ? <>{children}</> : <ForbiddenResult />;
}
