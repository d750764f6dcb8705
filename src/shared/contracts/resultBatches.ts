import { z } from 'zod';
import { isoDateSchema } from './campaigns';
import { pageOf, pageQuery, requiredText } from './common';

export const resultBatchBody = z.object({
  title: requiredText(200),
  publishedOn: isoDateSchema,
  /** Rounds in state 'accepted' of the caller's city, each once. */
  roundIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'roundIds.duplicate' }),
});
export type ResultBatchBody = z.infer<typeof resultBatchBody>;

export const resultBatchListQuery = z.object({ ...pageQuery });
export type ResultBatchListQuery = z.infer<typeof resultBatchListQuery>;

export const resultBatchSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  publishedOn: z.string(),
  roundCount: z.number().int(),
  createdAt: z.string(),
});
export type ResultBatch = z.infer<typeof resultBatchSchema>;
export const resultBatchPageSchema = pageOf(resultBatchSchema);
export type ResultBatchPage = z.infer<typeof resultBatchPageSchema>;

export const resultBatchCreatedSchema = resultBatchSchema.extend({ roundIds: z.array(z.uuid()) });
export type ResultBatchCreated = z.infer<typeof resultBatchCreatedSchema>;
