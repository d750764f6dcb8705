import { z } from 'zod';
import { AUDIT_STAGES } from '../domain/auditStages';
import { isoDateSchema } from './campaigns';
import { optionalText } from './common';

/** Progress through the seven audit stages of a round (DOMAIN §4). */

export const stageParams = z.object({ id: z.uuid(), stage: z.enum(AUDIT_STAGES) });
export type StageParams = z.infer<typeof stageParams>;

export const stageCompleteBody = z.object({
  /** The day the stage was completed (not in the future, not before the previous stage). */
  completedOn: isoDateSchema,
  note: optionalText(1000),
});
export type StageCompleteBody = z.infer<typeof stageCompleteBody>;

export const stageSchema = z.object({
  stage: z.enum(AUDIT_STAGES),
  position: z.number().int(),
  completedOn: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type StageProgress = z.infer<typeof stageSchema>;

export const stageProgressSchema = z.object({
  roundId: z.uuid(),
  /** All seven stages in order; the incomplete ones carry nulls. */
  stages: z.array(stageSchema),
  /** The stage to complete next (null once all seven are complete). */
  nextStage: z.enum(AUDIT_STAGES).nullable(),
  /** Whether the round's state allows recording (audit started, not yet accepted). */
  open: z.boolean(),
});
export type StageProgressInfo = z.infer<typeof stageProgressSchema>;
