import { z } from 'zod';
import { ROLES, ORG_KINDS } from '../domain/roles';
import { ACTIONS } from '../domain/permissions';
import { LOCALES } from '../i18n/locales';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const meUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.uuid(), kind: z.enum(ORG_KINDS), name: z.string(), districtCode: z.string().nullable() }),
  enterpriseId: z.uuid().nullable(),
  locale: z.enum(LOCALES),
  mustChangePassword: z.boolean(),
});
export type MeUser = z.infer<typeof meUserSchema>;

export const sessionSchema = z.object({
  user: meUserSchema,
  csrfToken: z.string(),
  permissions: z.array(z.enum(ACTIONS)),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

/** Password policy shared by the forms and the server. */
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(128),
});

export const localeBody = z.object({ locale: z.enum(LOCALES) });
