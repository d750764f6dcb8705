import type { QueryClient } from '@tanstack/react-query';
import type { ResultBatchBody, ResultBatchCreated } from '../../../shared/contracts/resultBatches';
import { resultBatchApi } from '../../api/endpoints';

/** Publish a batch and refresh what it changed: rounds (now closed), batches and the portal's lists. */
export async function publishBatch(queryClient: QueryClient, body: ResultBatchBody): Promise<ResultBatchCreated> {
  const created = await resultBatchApi.publish(body);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['rounds'] }),
    queryClient.invalidateQueries({ queryKey: ['result-batches'] }),
    queryClient.invalidateQueries({ queryKey: ['portal'] }),
  ]);
  return created;
}
