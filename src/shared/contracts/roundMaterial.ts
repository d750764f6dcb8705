import { z } from 'zod';
import {
  DISCLOSURE_ITEM_CODES,
  disclosureItemsFor,
  type DisclosureItem,
  type ListingReason,
} from '../domain/listingReasons';
import { optionalText } from './common';

/** Round material: attachments, the disclosure (信息公开), audit mode / agency engagement, report versions. */

export const storedFileSchema = z.object({
  id: z.uuid(),
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type StoredFileInfo = z.infer<typeof storedFileSchema>;

export const roundFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** A download answers the file's bytes with its stored media type (documented, never serialized). */
export const fileDownloadSchema = z.unknown().describe('The file content, with its stored media type and Content-Disposition');

// --- disclosure ---

const ITEM_MAX = 2000;

/**
 * The items of a draft for a round with these reasons: each required item optional (a draft may be
 * incomplete), any other item refused.
 */
export function disclosureDraftItemsFor(reasons: readonly ListingReason[]) {
  const shape: Partial<Record<DisclosureItem, z.ZodOptional<z.ZodString>>> = {};
  for (const item of disclosureItemsFor(reasons)) shape[item] = z.string().trim().max(ITEM_MAX).optional();
  return z.strictObject(shape);
}

/** The items of a publishable disclosure: every required item present and not blank. */
export function disclosurePublishItemsFor(reasons: readonly ListingReason[]) {
  const shape: Partial<Record<DisclosureItem, z.ZodString>> = {};
  for (const item of disclosureItemsFor(reasons)) shape[item] = z.string().trim().min(1).max(ITEM_MAX);
  return z.object(shape);
}

const platformUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
);

/** Saving a draft: items are checked against the round's reasons by the server (disclosureDraftItemsFor). */
export const disclosureBody = z.object({
  items: z.record(z.string().max(64), z.string().max(ITEM_MAX)),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
  platformName: optionalText(100),
  platformUrl,
});
export type DisclosureBody = z.infer<typeof disclosureBody>;

export const disclosureSchema = z.object({
  roundId: z.uuid(),
  /** The items the round's listing reasons require, in form order. */
  requiredItems: z.array(z.enum(DISCLOSURE_ITEM_CODES)),
  items: z.record(z.string(), z.string()),
  attachments: z.array(storedFileSchema),
  platformName: z.string().nullable(),
  platformUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

// --- audit mode and agency engagement ---

export const AUDIT_MODES = ['self', 'agency'] as const;
export type AuditMode = (typeof AUDIT_MODES)[number];

export const auditModeBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('self') }),
  z.object({ mode: z.literal('agency'), agencyId: z.uuid() }),
]);
export type AuditModeBody = z.infer<typeof auditModeBody>;

export const engagementSchema = z.object({
  roundId: z.uuid(),
  auditMode: z.enum(AUDIT_MODES).nullable(),
  agency: z.object({ id: z.uuid(), name: z.string(), engagedAt: z.string() }).nullable(),
});
export type Engagement = z.infer<typeof engagementSchema>;

export const agencyOptionSchema = z.object({ id: z.uuid(), name: z.string(), districtCode: z.string().nullable() });
export const agencyListSchema = z.object({ items: z.array(agencyOptionSchema) });
export type AgencyList = z.infer<typeof agencyListSchema>;

// --- audit report versions ---

export const reportVersionSchema = z.object({
  version: z.number().int(),
  file: storedFileSchema,
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type ReportVersion = z.infer<typeof reportVersionSchema>;
export const reportListSchema = z.object({ items: z.array(reportVersionSchema) });
export type ReportList = z.infer<typeof reportListSchema>;
