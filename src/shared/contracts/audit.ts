import { z } from 'zod';
import { AUDIT_ACTION_KEYS, AUDIT_ENTITY_TYPES } from '../domain/auditActions';
import { ROLES } from '../domain/roles';
import { optionalQueryString, pageOf, pageQuery } from './common';

const optionalDate = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
);

export const auditListQuery = z.object({
  ...pageQuery,
  action: z.preprocess((v) => (v === '' ? undefined : v), z.enum(AUDIT_ACTION_KEYS).optional()),
  entityType: z.preprocess((v) => (v === '' ? undefined : v), z.enum(AUDIT_ENTITY_TYPES).optional()),
  entityId: optionalQueryString(64),
  actor: optionalQueryString(64),
  from: optionalDate,
  to: optionalDate,
  sort: z.enum(['-occurredAt', 'occurredAt']).default('-occurredAt'),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

const jsonRecord = z.record(z.string(), z.unknown());

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.object({ userId: z.string().nullable(), username: z.string().nullable(), role: z.enum(ROLES).nullable() }),
  action: z.enum(AUDIT_ACTION_KEYS),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  entityId: z.string().nullable(),
  before: jsonRecord.nullable(),
  after: jsonRecord.nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = pageOf(auditEventSchema);

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.string(), reason: z.enum(['hash', 'link']) }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
