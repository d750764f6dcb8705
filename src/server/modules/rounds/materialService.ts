import {
  disclosureDraftItemsFor,
  type AgencyList,
  type AuditModeBody,
  type Disclosure,
  type DisclosureBody,
  type Engagement,
  type ReportList,
  type StoredFileInfo,
} from '../../../shared/contracts/roundMaterial';
import { disclosureItemsFor } from '../../../shared/domain/listingReasons';
import { ACTIVE_ROUND_STATES, ROUND_STATE_LABELS, type RoundState } from '../../../shared/domain/roundStates';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import { findFiles, insertFile, type Blob, type StoredFile } from '../../platform/files';
import * as material from './materialRepository';
import { ROUND_ENTITY } from './service';

export const FILE_ENTITY = { 'zh-CN': '文件', en: 'File' } as const;

type Text = Readonly<Record<Locale, string>>;
const MATERIAL = {
  disclosure: { 'zh-CN': '信息公开内容', en: 'disclosure' },
  report: { 'zh-CN': '审核报告', en: 'audit report' },
  auditMode: { 'zh-CN': '审核方式', en: 'audit mode' },
} as const satisfies Record<string, Text>;

/** The states in which each kind of material may still be changed. */
const EDITABLE: Record<keyof typeof MATERIAL, readonly RoundState[]> = {
  disclosure: ['listed', 'notified'],
  // The first version while auditing; corrections after a returned application or a pass with revision.
  report: ['audit_started', 'evaluation_returned', 'evaluated'],
  auditMode: ACTIVE_ROUND_STATES,
};

function assertEditable(state: RoundState, kind: keyof typeof MATERIAL): void {
  if (!EDITABLE[kind].includes(state)) {
    throw new LocalizedError('ROUND_MATERIAL_LOCKED', { state: ROUND_STATE_LABELS[state], material: MATERIAL[kind] });
  }
}

async function scopedRound(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<material.RoundKeys> {
  const round = await material.findRoundKeys(db, actor.scope, id, forUpdate);
  if (!round) throw notFound(ROUND_ENTITY);
  return round;
}

const fileInfo = (f: StoredFile): StoredFileInfo => f;

export type Receive = () => Promise<Blob & { originalName: string }>;

/**
 * Store an uploaded file and attach it to a round. The round's scope and state are checked before a
 * byte is read, and again (locked) in the transaction that writes the rows and the audit event.
 */
async function attach(
  db: Db,
  actor: Actor,
  id: string,
  purpose: 'disclosure' | 'report',
  receive: Receive,
  meta: RequestMeta,
  after: (tx: Queryable, round: material.RoundKeys, file: StoredFile) => Promise<Record<string, string | number>>,
): Promise<void> {
  assertEditable((await scopedRound(db, actor, id)).state, purpose);
  const blob = await receive();
  await db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    assertEditable(round.state, purpose);
    const file = await insertFile(tx, blob, { uploadedBy: actor.userId, cityCode: round.cityCode, districtCode: round.districtCode });
    await material.linkFile(tx, round, file.id, purpose);
    const extra = await after(tx, round, file);
    await recordAudit(tx, actor, meta, {
      action: purpose === 'report' ? 'round.reportUploaded' : 'round.fileUploaded',
      entityId: round.id,
      after: { purpose, fileId: file.id, name: file.originalName, sha256: file.sha256, size: file.size, mediaType: file.mediaType, ...extra },
    });
  });
}

// --- files ---

export async function uploadDisclosureAttachment(
  db: Db,
  actor: Actor,
  id: string,
  receive: Receive,
  meta: RequestMeta,
): Promise<StoredFileInfo> {
  let stored: StoredFile | undefined;
  await attach(db, actor, id, 'disclosure', receive, meta, async (_tx, _round, file) => {
    stored = file;
    return {};
  });
  if (!stored) throw new Error('attachment not stored');
  return fileInfo(stored);
}

/** A file of a round, for download: the round in the caller's scope, the file attached to it (else 404). */
export async function roundFile(db: Queryable, actor: Actor, id: string, fileId: string): Promise<StoredFile> {
  await scopedRound(db, actor, id);
  const file = await material.findRoundFile(db, id, fileId);
  if (!file) throw notFound(FILE_ENTITY);
  return file;
}

// --- disclosure ---

async function disclosureOf(db: Queryable, round: material.RoundKeys): Promise<Disclosure> {
  const row = await material.findDisclosure(db, round.id);
  return {
    roundId: round.id,
    requiredItems: disclosureItemsFor(round.reasons),
    items: row?.items ?? {},
    attachments: (await findFiles(db, row?.attachmentIds ?? [])).map(fileInfo),
    platformName: row?.platformName ?? null,
    platformUrl: row?.platformUrl ?? null,
    publishedAt: row?.publishedAt ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function getDisclosure(db: Queryable, actor: Actor, id: string): Promise<Disclosure> {
  return disclosureOf(db, await scopedRound(db, actor, id));
}

const NOT_AN_ITEM = { 'zh-CN': '不是本轮应公开的信息项', en: 'is not a disclosure item of this round' } as const;
const TOO_LONG = { 'zh-CN': '内容过长（最多 2000 字）', en: 'is too long (at most 2000 characters)' } as const;
const NOT_ATTACHED = { 'zh-CN': '不是本轮信息公开的附件', en: 'is not an attachment of this disclosure' } as const;

/** Save the draft: items checked against the round's listing reasons (blank items are dropped). */
export async function saveDisclosure(
  db: Db,
  actor: Actor,
  id: string,
  body: DisclosureBody,
  meta: RequestMeta,
): Promise<Disclosure> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    assertEditable(round.state, 'disclosure');
    const parsed = disclosureDraftItemsFor(round.reasons).safeParse(body.items);
    if (!parsed.success) {
      const fields: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[`items.${key}`] = (l) => NOT_AN_ITEM[l];
        else fields[['items', ...issue.path.map(String)].join('.')] = (l) => TOO_LONG[l];
      }
      throw new AppError('VALIDATION_FAILED', {}, fields);
    }
    const items: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed.data)) {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text) items[key] = text;
    }
    const attachmentIds = [...new Set(body.attachmentIds)];
    const known = await material.roundFileIds(tx, round.id, attachmentIds, 'disclosure');
    const unknown = attachmentIds.findIndex((fileId) => !known.has(fileId));
    if (unknown >= 0) throw new AppError('VALIDATION_FAILED', {}, { [`attachmentIds.${unknown}`]: (l) => NOT_ATTACHED[l] });
    const before = await material.findDisclosure(tx, round.id);
    const next = { items, attachmentIds, platformName: body.platformName ?? null, platformUrl: body.platformUrl ?? null };
    await material.saveDisclosure(tx, round, next, actor.userId);
    const changes = diff(
      before
        ? { items: before.items, attachmentIds: before.attachmentIds, platformName: before.platformName, platformUrl: before.platformUrl }
        : {},
      next,
    );
    if (changes) await recordAudit(tx, actor, meta, { action: 'round.disclosureSaved', entityId: round.id, ...changes });
    return disclosureOf(tx, round);
  });
}

// --- audit mode and agency engagement ---

async function engagementOf(db: Queryable, round: material.RoundKeys): Promise<Engagement> {
  const active = await material.activeEngagement(db, round.id);
  return {
    roundId: round.id,
    auditMode: round.auditMode,
    agency: active ? { id: active.agencyId, name: active.agencyName, engagedAt: active.engagedAt } : null,
  };
}

export async function getEngagement(db: Queryable, actor: Actor, id: string): Promise<Engagement> {
  return engagementOf(db, await scopedRound(db, actor, id));
}

/** The consulting agencies of the round's city, to choose from. */
export async function agenciesFor(db: Queryable, actor: Actor, id: string): Promise<AgencyList> {
  const round = await scopedRound(db, actor, id);
  return { items: await material.listAgencies(db, round.cityCode) };
}

const NOT_AN_AGENCY = { 'zh-CN': '不是本市登记的咨询机构', en: 'is not a consulting agency of this city' } as const;

/**
 * Declare a self-audit or engage an agency of the round's city. Engaging another agency (or switching to
 * self-audit) ends the active engagement; its agency loses access to the round.
 */
export async function chooseAuditMode(
  db: Db,
  actor: Actor,
  id: string,
  body: AuditModeBody,
  meta: RequestMeta,
): Promise<Engagement> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    assertEditable(round.state, 'auditMode');
    const current = await material.activeEngagement(tx, round.id);
    const before = { auditMode: round.auditMode, agencyId: current?.agencyId ?? null };
    const after = { auditMode: body.mode, agencyId: body.mode === 'agency' ? body.agencyId : null };
    if (body.mode === 'agency' && !(await material.findAgency(tx, round.cityCode, body.agencyId))) {
      throw new AppError('VALIDATION_FAILED', {}, { agencyId: (l) => NOT_AN_AGENCY[l] });
    }
    if (before.auditMode === after.auditMode && before.agencyId === after.agencyId) return engagementOf(tx, round);
    if (current && current.agencyId !== after.agencyId) await material.endEngagement(tx, round.id);
    if (after.agencyId && current?.agencyId !== after.agencyId) await material.insertEngagement(tx, round, after.agencyId, actor.userId);
    if (round.auditMode !== after.auditMode) await material.setAuditMode(tx, round.id, after.auditMode);
    await recordAudit(tx, actor, meta, { action: 'round.auditModeChosen', entityId: round.id, before, after });
    return engagementOf(tx, { ...round, auditMode: after.auditMode });
  });
}

// --- audit report versions ---

export async function listReports(db: Queryable, actor: Actor, id: string): Promise<ReportList> {
  await scopedRound(db, actor, id);
  return { items: await material.listReports(db, id) };
}

/** Upload a new version of the audit report (PDF or DOCX); earlier versions are kept. */
export async function uploadReport(db: Db, actor: Actor, id: string, receive: Receive, meta: RequestMeta): Promise<ReportList> {
  await attach(db, actor, id, 'report', receive, meta, async (tx, round, file) => ({
    version: await material.insertReport(tx, round, file.id, actor.userId),
  }));
  return { items: await material.listReports(db, id) };
}
