import { Navigate } from 'react-router';
import { useSignedIn } from '../../app/session';
import { NotFoundResult } from '../../components/ErrorResult';

/** 本企业信息: an enterprise user's own record. */
export default function MyEnterprisePage() {
  const { user } = useSignedIn();
  if (!user.enterpriseId) return <NotFoundResult />;
  return <Navigate to={`/enterprises/${user.enterpriseId}`} replace />;
}
