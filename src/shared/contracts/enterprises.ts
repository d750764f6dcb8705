import { z } from 'zod';
import { checkCreditCode } from '../domain/creditCode';
import {
  optionalEmail,
  optionalQueryString,
  optionalText,
  pageOf,
  pageQuery,
  phoneSchema,
  requiredText,
  sortParam,
} from './common';

export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const result = checkCreditCode(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `creditCode.${result.problem}` });
  });

const codeRef = z.string().trim().min(1).max(12);
/** Key-industry codes are words ('agri_food_processing'), longer than region and industry codes. */
const keyIndustryRef = z.string().trim().min(1).max(40);

/** The fields an enterprise user may change on their own record. */
export const ENTERPRISE_CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const;

const enterpriseFields = {
  name: requiredText(200),
  creditCode: creditCodeSchema,
  districtCode: codeRef,
  address: requiredText(300),
  legalRepresentative: requiredText(50),
  industryCode: codeRef,
  keyIndustryCode: z.preprocess((v) => (v === '' ? null : v), keyIndustryRef.nullable().optional()),
  industrialPark: optionalText(200),
  dischargePermitNo: optionalText(40),
  contactName: requiredText(50),
  contactPhone: phoneSchema,
  contactEmail: optionalEmail,
};

export const enterpriseInput = z.object(enterpriseFields);
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

/** Any subset of the fields; unknown fields are refused. */
export const enterprisePatch = z.object(enterpriseFields).partial().strict();
export type EnterprisePatch = z.infer<typeof enterprisePatch>;

export const ENTERPRISE_SORTS = ['name', 'creditCode', 'districtCode', 'industryCode', 'createdAt', 'updatedAt'] as const;

export const enterpriseListQuery = z.object({
  ...pageQuery,
  districtCode: optionalQueryString(12),
  industryCode: optionalQueryString(12),
  keyIndustryCode: optionalQueryString(40),
  keyword: optionalQueryString(100),
  sort: sortParam(ENTERPRISE_SORTS, 'name'),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

export const enterpriseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  keyIndustryCode: z.string().nullable(),
  keyIndustryName: z.string().nullable(),
  industrialPark: z.string().nullable(),
  dischargePermitNo: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** What the caller may do with this record, decided by the server. */
export const enterpriseAbilities = z.object({ update: z.boolean(), updateContacts: z.boolean() });
export const enterpriseDetailSchema = enterpriseSchema.extend({ abilities: enterpriseAbilities });
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;

export const enterprisePageSchema = pageOf(enterpriseSchema);
export type EnterprisePage = z.infer<typeof enterprisePageSchema>;
