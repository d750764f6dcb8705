import { z } from 'zod';
import { ERROR_MESSAGES } from '../i18n/errors';

/** Query-string helpers: empty strings from forms mean "no filter". */
export const optionalQueryString = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const idParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof idParams>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_MESSAGES) as [keyof typeof ERROR_MESSAGES, ...(keyof typeof ERROR_MESSAGES)[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});

export const okSchema = z.object({ ok: z.literal(true) });

/** A required, trimmed, non-blank text of at most `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: empty strings are stored as null. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max).nullable().optional());

const PHONE = /^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
export const phoneSchema = z.string().trim().max(30).regex(PHONE, { message: 'phone.invalid' });
export const optionalPhone = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  phoneSchema.nullable().optional(),
);
export const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.email().max(200).nullable().optional(),
);

export const sortParam = <const T extends readonly [string, ...string[]]>(fields: T, fallback: T[number]) => {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(values).default(fallback);
};
