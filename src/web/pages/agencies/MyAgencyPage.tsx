import { useQuery } from '@tanstack/react-query';
import { agencyApi } from '../../api/agencyEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { AgencyView } from './AgencyDetailPage';

/** 本机构信息: the agency user's own agency, with the same tabs (contacts and auditors editable). */
export default function MyAgencyPage() {
  const query = useQuery({ queryKey: ['agencies', 'mine'], queryFn: () => agencyApi.mine() });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorResult record error={query.error} onRetry={() => void query.refetch()} />;
  return <AgencyView agency={query.data} own />;
}
