import { z } from 'zod';

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(['province', 'city', 'district']),
  kind: z.string(),
  parentCode: z.string().nullable(),
});
export const industrySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(['section', 'division']),
  parentCode: z.string().nullable(),
});
export const keyIndustrySchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export const referenceSchema = z.object({
  regions: z.array(regionSchema),
  industries: z.array(industrySchema),
  keyIndustries: z.array(keyIndustrySchema),
});
export type Region = z.infer<typeof regionSchema>;
export type Industry = z.infer<typeof industrySchema>;
export type KeyIndustry = z.infer<typeof keyIndustrySchema>;
export type Reference = z.infer<typeof referenceSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
  uptimeSeconds: z.number(),
});
