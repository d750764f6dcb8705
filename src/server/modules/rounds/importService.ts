import type { PlanImportCommitBody, PlanImportReport, PlanImportUploadQuery } from '../../../shared/contracts/planImports';
import { can } from '../../../shared/domain/permissions';
import { importRowMessage } from '../../../shared/i18n/importMessages';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/types';
import { recordAuditMany, type AuditInput } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { blobPath, insertFile, type Blob, type FileStore } from '../../platform/files';
import { isUniqueViolation } from '../../platform/sql';
import * as imports from './importRepository';
import { parseImportWorkbook } from './importParser';
import { validateRows } from './importValidation';
import * as plans from './planRepository';

/**
 * Excel import of plan entries (附件4) and of the annual list (附件1), a state machine:
 * upload (stored file) → parse → validate every row → stored as 'uploaded' with the row report →
 * commit (one transaction: the plan entries, set-based, and the import marked 'committed').
 */

export const PLAN_IMPORT_ENTITY = { 'zh-CN': '导入记录', en: 'Import' } as const;

type Receive = () => Promise<Blob & { originalName: string }>;

function regionOf(actor: Actor): { cityCode: string; districtCode: string | null } {
  if (actor.scope.kind === 'city') return { cityCode: actor.scope.cityCode, districtCode: null };
  if (actor.scope.kind === 'district') return { cityCode: actor.scope.cityCode, districtCode: actor.scope.districtCode };
  throw new AppError('FORBIDDEN');
}

export function toReport(record: imports.PlanImportRecord, locale: Locale): PlanImportReport {
  return {
    id: record.id,
    layout: record.layout,
    status: record.status,
    fileName: record.fileName,
    rows: record.rows.map((r) => ({
      rowNumber: r.rowNumber,
      values: r.values,
      errors: r.problems.map((p) => ({ field: p.field, message: importRowMessage(p, locale) })),
    })),
    validCount: record.validCount,
    errorCount: record.errorCount,
    createdCount: record.createdCount,
    uploadedAt: record.uploadedAt,
    committedAt: record.committedAt,
  };
}

export async function uploadPlanImport(
  db: Db,
  files: FileStore,
  actor: Actor,
  receive: Receive,
  query: PlanImportUploadQuery,
  meta: RequestMeta,
  locale: Locale = actor.locale,
): Promise<PlanImportReport> {
  const region = regionOf(actor);
  const blob = await receive(); // 400 unless the bytes are an .xlsx workbook
  const sheet = await parseImportWorkbook(blobPath(files, blob.sha256));
  const rows = await validateRows(
    db,
    { layout: sheet.layout, scope: actor.scope, cityCode: region.cityCode, listYear: query.year ?? sheet.titleYear },
    sheet.rows,
  );
  const errorCount = rows.filter((r) => r.problems.length).length;
  const id = await db.transaction(async (tx) => {
    const file = await insertFile(tx, blob, { uploadedBy: actor.userId, ...region });
    const importId = await imports.insertPlanImport(tx, {
      layout: sheet.layout,
      fileId: file.id,
      rows,
      validCount: rows.length - errorCount,
      errorCount,
      uploadedBy: actor.userId,
      ...region,
    });
    await recordAuditMany(tx, actor, meta, [
      {
        action: 'planImport.uploaded',
        entityId: importId,
        after: { layout: sheet.layout, fileId: file.id, fileName: file.originalName, rows: rows.length, errorCount },
      },
    ]);
    return importId;
  });
  return getPlanImport(db, actor, id, locale);
}

/** The report of an import in the caller's scope, its messages in `locale` (the request's language). */
export async function getPlanImport(db: Db, actor: Actor, id: string, locale: Locale = actor.locale): Promise<PlanImportReport> {
  const record = await imports.findPlanImport(db, actor.scope, id);
  if (!record) throw notFound(PLAN_IMPORT_ENTITY);
  return toReport(record, locale);
}

/**
 * Commit: with errors and onlyValidRows false → 422, nothing written. Otherwise one transaction:
 * lock the import (a second commit → 409), insert the valid rows' entries set-based, mark it committed,
 * and record one event for the commit and one per entry.
 */
export async function commitPlanImport(
  db: Db,
  actor: Actor,
  id: string,
  body: PlanImportCommitBody,
  meta: RequestMeta,
  locale: Locale = actor.locale,
): Promise<PlanImportReport> {
  regionOf(actor); // only city and district users import
  try {
    await db.transaction(async (tx) => {
      const record = await imports.findPlanImport(tx, actor.scope, id, true);
      if (!record) throw notFound(PLAN_IMPORT_ENTITY);
      if (record.status !== 'uploaded') throw new AppError('IMPORT_STATE_CONFLICT', { status: record.status });
      if (record.errorCount > 0 && !body.onlyValidRows) throw new AppError('IMPORT_HAS_ERRORS', { count: record.errorCount });
      const approve = body.approve === true;
      if (approve && (record.layout !== 'annex1' || !can(actor.role, 'planEntry.review'))) throw new AppError('FORBIDDEN');
      const entries = record.rows.flatMap((r) => (r.entry && !r.problems.length ? [r.entry] : []));
      const created = await plans.insertPlanEntries(tx, entries, {
        cityCode: record.cityCode,
        proposedBy: actor.userId,
        reviewedBy: approve ? actor.userId : null,
      });
      // A row planned by someone else since the upload: refuse rather than write part of a file meant whole.
      if (created.length < entries.length && !body.onlyValidRows) {
        throw new AppError('PLAN_ENTRY_DUPLICATE', { year: entries[0]?.plannedYear ?? '' });
      }
      if (!(await imports.markCommitted(tx, id, actor.userId, created.length))) {
        throw new AppError('IMPORT_STATE_CONFLICT', { status: 'committed' });
      }
      const events: AuditInput[] = [
        {
          action: 'planImport.committed',
          entityId: id,
          before: { status: record.status },
          after: { status: 'committed', onlyValidRows: body.onlyValidRows, approved: approve, created: created.length },
        },
        ...created.map((e) => ({
          action: 'planEntry.proposed' as const,
          entityId: e.id,
          after: { enterpriseId: e.enterpriseId, plannedYear: e.plannedYear, status: e.status, planImportId: id },
        })),
      ];
      await recordAuditMany(tx, actor, meta, events);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'plan_entries_enterprise_year_uq')) throw new AppError('PLAN_ENTRY_DUPLICATE', { year: '' });
    throw error;
  }
  return getPlanImport(db, actor, id, locale);
}

/** Discard an uploaded import (nothing is written; a committed or discarded import → 409). */
export async function discardPlanImport(
  db: Db,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  locale: Locale = actor.locale,
): Promise<PlanImportReport> {
  await db.transaction(async (tx) => {
    const record = await imports.findPlanImport(tx, actor.scope, id, true);
    if (!record) throw notFound(PLAN_IMPORT_ENTITY);
    if (!(await imports.markDiscarded(tx, id))) throw new AppError('IMPORT_STATE_CONFLICT', { status: record.status });
    await recordAuditMany(tx, actor, meta, [
      { action: 'planImport.discarded', entityId: id, before: { status: record.status }, after: { status: 'discarded' } },
    ]);
  });
  return getPlanImport(db, actor, id, locale);
}
