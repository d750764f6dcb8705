import { useQuery } from '@tanstack/react-query';
import { enterpriseApi } from '../../api/endpoints';

export const enterpriseKey = (id: string) => ['enterprise', id] as const;

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseKey(id), queryFn: () => enterpriseApi.get(id) });
}
