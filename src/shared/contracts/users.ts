import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../domain/roles';
import { optionalEmail, optionalPhone, optionalQueryString, pageOf, pageQuery, requiredText, sortParam } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username.format' });

export const userCreateBody = z.object({
  username: usernameSchema,
  displayName: requiredText(100),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  email: optionalEmail,
  phone: optionalPhone,
  password: z.string().min(1).max(128),
});
export type UserCreateBody = z.infer<typeof userCreateBody>;

export const userPatchBody = z
  .object({
    displayName: requiredText(100),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    email: optionalEmail,
    phone: optionalPhone,
  })
  .partial()
  .strict();
export type UserPatchBody = z.infer<typeof userPatchBody>;

export const resetPasswordBody = z.object({ newPassword: z.string().min(1).max(128) });

export const USER_SORTS = ['username', 'displayName', 'role', 'createdAt', 'lastLoginAt'] as const;

export const userListQuery = z.object({
  ...pageQuery,
  role: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ROLES).optional()),
  orgId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'disabled']).optional()),
  keyword: optionalQueryString(100),
  sort: sortParam(USER_SORTS, 'username'),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: z.string(),
  orgKind: z.enum(ORG_KINDS),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
export const userPageSchema = pageOf(userSchema);

export const organizationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
});
export type Organization = z.infer<typeof organizationSchema>;
export const organizationListQuery = z.object({
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ORG_KINDS).optional()),
  keyword: optionalQueryString(100),
});
export const organizationPageSchema = pageOf(organizationSchema);
