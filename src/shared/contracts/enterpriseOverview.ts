import { z } from 'zod';
import { gradeSchema } from './reviews';
import { CASE_STATUSES, MEASURES, VIOLATION_TYPES } from '../domain/enforcement';
import { LISTING_REASONS } from '../domain/listingReasons';
import { ROUND_STATES } from '../domain/roundStates';
import { SPOT_CHECK_CATEGORIES, SPOT_CHECK_RESULTS } from '../domain/spotChecks';

const decision = z.object({ score: z.number().nullable(), grade: gradeSchema.nullable(), decidedOn: z.string() });

/** The 360° view of one enterprise (企业全景) for bureau users in scope: everything the system knows, in one place. */
export const enterpriseOverviewSchema = z.object({
  enterpriseId: z.uuid(),
  disclosureScope: z
    .object({ inScope: z.boolean(), since: z.string(), reason: z.string(), source: z.enum(['penalty', 'manual']) })
    .nullable(),
  rounds: z.array(
    z.object({
      id: z.uuid(),
      listingYear: z.number().int(),
      state: z.enum(ROUND_STATES),
      reasons: z.array(z.enum(LISTING_REASONS)),
      auditMode: z.string().nullable(),
      agencyName: z.string().nullable(),
      nextDueOn: z.string().nullable(),
      evaluation: decision.nullable(),
      acceptance: decision.nullable(),
      optionCount: z.number().int(),
      implementedCount: z.number().int(),
    }),
  ),
  options: z.array(
    z.object({
      id: z.uuid(),
      roundId: z.uuid(),
      listingYear: z.number().int(),
      seq: z.number().int(),
      name: z.string(),
      category: z.enum(['low_cost', 'high_cost']),
      status: z.enum(['proposed', 'implementing', 'implemented', 'dropped']),
      investment: z.number().nullable(),
      actualEffectiveOn: z.string().nullable(),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.uuid(),
      roundId: z.uuid().nullable(),
      violationType: z.enum(VIOLATION_TYPES),
      measure: z.enum(MEASURES),
      openedOn: z.string(),
      decisionNo: z.string().nullable(),
      decidedOn: z.string().nullable(),
      fineAmount: z.number().nullable(),
      status: z.enum(CASE_STATUSES),
    }),
  ),
  creditRecords: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['negative', 'positive']),
      source: z.string(),
      recordedOn: z.string(),
      descriptionZh: z.string(),
      descriptionEn: z.string(),
    }),
  ),
  spotChecks: z.array(
    z.object({
      itemId: z.uuid(),
      spotCheckId: z.uuid(),
      title: z.string(),
      year: z.number().int(),
      roundId: z.uuid(),
      listingYear: z.number().int(),
      result: z.enum(SPOT_CHECK_RESULTS),
      categories: z.array(z.enum(SPOT_CHECK_CATEGORIES)),
      checkedOn: z.string().nullable(),
      published: z.boolean(),
    }),
  ),
  /** Lists are capped per section (an enterprise has a handful of rounds); `truncated` names the capped ones. */
  truncated: z.array(z.string()),
});
export type EnterpriseOverview = z.infer<typeof enterpriseOverviewSchema>;
