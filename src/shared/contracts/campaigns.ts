import { z } from 'zod';
import { DEADLINE_RULE_LIMITS, DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../domain/deadlines';
import { ROLES } from '../domain/roles';
import { optionalText, pageOf, pageQuery, requiredText } from './common';

/** A calendar date 'YYYY-MM-DD' that exists (2021-02-29 does not). */
export const isoDateSchema = z.iso.date();

export const yearSchema = z.number().int().min(2000).max(2100);

const ruleField = (field: keyof DeadlineRules) =>
  z.number().int().min(DEADLINE_RULE_LIMITS[field].min).max(DEADLINE_RULE_LIMITS[field].max);

/** The deadline rules a campaign keeps (editable data, DOMAIN §3); cross-field checks run in the service. */
export const deadlineRulesSchema = z.object({
  discloseMonths: ruleField('discloseMonths'),
  startMonths: ruleField('startMonths'),
  reportMonths: ruleField('reportMonths'),
  acceptanceMonthsAfterEvaluation: ruleField('acceptanceMonthsAfterEvaluation'),
  toxicIntervalYears: ruleField('toxicIntervalYears'),
});

export const milestoneInput = z.object({
  name: requiredText(200),
  dueOn: isoDateSchema,
  actorRole: z.enum(ROLES),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

const keyIndustryCodes = z.array(z.string().trim().min(1).max(40)).max(50);

export const campaignInput = z.object({
  year: yearSchema,
  noticeNo: optionalText(100),
  title: requiredText(200),
  deadlineRules: deadlineRulesSchema.default({ ...DEFAULT_DEADLINE_RULES }),
  keyIndustryCodes: keyIndustryCodes.default([]),
  milestones: z.array(milestoneInput).max(50).default([]),
});
export type CampaignInput = z.infer<typeof campaignInput>;

/** Any subset of the fields; `milestones`, when given, replaces the whole set. */
export const campaignPatch = z
  .object({
    year: yearSchema,
    noticeNo: optionalText(100),
    title: requiredText(200),
    deadlineRules: deadlineRulesSchema,
    keyIndustryCodes,
    milestones: z.array(milestoneInput).max(50),
  })
  .partial()
  .strict();
export type CampaignPatch = z.infer<typeof campaignPatch>;

export const campaignListQuery = z.object({ ...pageQuery });
export type CampaignListQuery = z.infer<typeof campaignListQuery>;

export const milestoneSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  dueOn: z.string(),
  actorRole: z.enum(ROLES),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  cityCode: z.string(),
  year: z.number().int(),
  noticeNo: z.string().nullable(),
  title: z.string(),
  deadlineRules: deadlineRulesSchema,
  keyIndustryCodes: z.array(z.string()),
  milestones: z.array(milestoneSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignDetailSchema = campaignSchema.extend({
  abilities: z.object({ update: z.boolean(), publish: z.boolean() }),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const campaignPageSchema = pageOf(campaignSchema);
export type CampaignPage = z.infer<typeof campaignPageSchema>;
