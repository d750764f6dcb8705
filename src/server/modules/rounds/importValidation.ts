import { phoneSchema } from '../../../shared/contracts/common';
import { checkCreditCode } from '../../../shared/domain/creditCode';
import { REASON_SEPARATORS, type ImportLayout } from '../../../shared/domain/excelLayouts';
import { LISTING_REASON_LABELS, LISTING_REASONS, type ListingReason } from '../../../shared/domain/listingReasons';
import type { DataScope } from '../../../shared/domain/roles';
import type { ImportRowProblem } from '../../../shared/i18n/importMessages';
import type { Queryable } from '../../db/types';
import * as imports from './importRepository';
import type { ParsedRow } from './importParser';

/** Validate step of the import state machine: every row checked, every problem named with its column. */

const REASON_BY_LABEL = new Map<string, ListingReason>(
  LISTING_REASONS.flatMap((code) => [
    [code, code],
    [LISTING_REASON_LABELS[code]['zh-CN'], code],
    [LISTING_REASON_LABELS[code].en.toLowerCase(), code],
  ]),
);

export function parseReasons(text: string): { reasons: ListingReason[]; problems: ImportRowProblem[] } {
  const parts = text.split(REASON_SEPARATORS).filter((s) => s !== '');
  if (!parts.length) return { reasons: [], problems: [{ field: 'reasons', code: 'reasons.missing' }] };
  const reasons: ListingReason[] = [];
  const problems: ImportRowProblem[] = [];
  for (const part of parts) {
    const code = REASON_BY_LABEL.get(part) ?? REASON_BY_LABEL.get(part.toLowerCase());
    if (!code) problems.push({ field: 'reasons', code: 'reasons.unknown', params: { value: part } });
    else if (reasons.includes(code)) problems.push({ field: 'reasons', code: 'reasons.duplicate', params: { value: part } });
    else reasons.push(code);
  }
  return { reasons, problems };
}

export function parseYear(text: string): number | null {
  const m = /^(\d{4})(?:\.0+)?\s*(?:年度?)?$/.exec(text.trim());
  const year = m?.[1] ? Number(m[1]) : NaN;
  return year >= 2000 && year <= 2100 ? year : null;
}

/** A calendar date in the usual spellings (2016-05-20, 2016/5/20, 2016.5.20, 2016年5月20日) → YYYY-MM-DD. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "张三/13800138000", "张三 023-67891234" or a phone alone → name and phone. */
export function parseContact(text: string): { name: string | null; phone: string | null; problems: ImportRowProblem[] } {
  const parts = text.split(/[/／,，;；]+|\s+(?=[+\d])/).map((s) => s.trim()).filter((s) => s !== '');
  const phone = parts.find((s) => /\d{5,}/.test(s.replace(/[-\s]/g, ''))) ?? null;
  const name = parts.filter((s) => s !== phone).join(' ') || null;
  const problems: ImportRowProblem[] = [];
  if (phone !== null && !phoneSchema.safeParse(phone).success) {
    problems.push({ field: 'contact', code: 'contact.phoneInvalid', params: { value: phone } });
  }
  if (name !== null && name.length > 50) problems.push({ field: 'contact', code: 'text.tooLong', params: { max: 50 } });
  return { name, phone, problems };
}

function tooLong(field: string, text: string, max: number): ImportRowProblem[] {
  return text.length > max ? [{ field, code: 'text.tooLong', params: { max } }] : [];
}

export interface ValidationContext {
  layout: ImportLayout;
  scope: DataScope;
  cityCode: string;
  /** The year of every row of a 附件1 list (from the request or the title); 附件4 rows carry their own. */
  listYear: number | null;
}

/** Check every row against the reference data, the registry in the caller's scope and the existing plans. */
export async function validateRows(
  db: Queryable,
  ctx: ValidationContext,
  rows: readonly ParsedRow[],
): Promise<imports.StoredImportRow[]> {
  const districts = await imports.districtsOfCity(db, ctx.cityCode);
  const districtByText = new Map<string, imports.DistrictRef>();
  for (const d of districts) {
    districtByText.set(d.name, d);
    districtByText.set(d.code, d);
  }
  const codes = rows.map((r) => checkCreditCode(r.values.creditCode ?? '')).flatMap((c) => (c.ok ? [c.code] : []));
  const enterprises = new Map(
    (await imports.enterprisesByCreditCodes(db, ctx.scope, [...new Set(codes)])).map((e) => [e.creditCode, e]),
  );

  const firstRowOf = new Map<string, number>();
  const checked = rows.map((row) => {
    const v = row.values;
    const problems: ImportRowProblem[] = [];

    const districtText = v.district ?? '';
    const district = districtByText.get(districtText) ?? null;
    if (districtText === '') problems.push({ field: 'district', code: 'district.missing' });
    else if (!district) problems.push({ field: 'district', code: 'district.unknown', params: { value: districtText } });
    else if (ctx.scope.kind === 'district' && district.code !== ctx.scope.districtCode) {
      problems.push({ field: 'district', code: 'district.outOfScope', params: { value: districtText } });
    }

    let enterprise: imports.EnterpriseRef | null = null;
    const codeText = v.creditCode ?? '';
    const code = checkCreditCode(codeText);
    if (codeText === '') problems.push({ field: 'creditCode', code: 'creditCode.missing' });
    else if (!code.ok) problems.push({ field: 'creditCode', code: 'creditCode.invalid', params: { problem: code.problem } });
    else {
      enterprise = enterprises.get(code.code) ?? null;
      if (!enterprise) problems.push({ field: 'creditCode', code: 'creditCode.unknown', params: { value: code.code } });
      else if (district && district.code !== enterprise.districtCode) {
        problems.push({ field: 'district', code: 'district.mismatch', params: { registered: enterprise.districtName } });
      }
    }

    let year: number | null;
    if (ctx.layout === 'annex4') {
      const yearText = v.plannedYear ?? '';
      year = parseYear(yearText);
      if (yearText === '') problems.push({ field: 'plannedYear', code: 'plannedYear.missing' });
      else if (year === null) problems.push({ field: 'plannedYear', code: 'plannedYear.invalid', params: { value: yearText } });
    } else {
      year = ctx.listYear;
      if (year === null) problems.push({ field: 'plannedYear', code: 'plannedYear.missing' });
    }

    const { reasons, problems: reasonProblems } = parseReasons(v.reasons ?? '');
    problems.push(...reasonProblems);

    const lastAuditText = v.lastAuditOn ?? '';
    const lastAuditOn = lastAuditText === '' ? null : parseDate(lastAuditText);
    if (lastAuditText !== '' && lastAuditOn === null) {
      problems.push({ field: 'lastAuditOn', code: 'lastAuditOn.invalid', params: { value: lastAuditText } });
    }
    const contact = parseContact(v.contact ?? '');
    problems.push(...contact.problems);
    const reasonDetails = v.reasonDetails ?? '';
    const remarks = v.remarks ?? '';
    problems.push(...tooLong('reasonDetails', reasonDetails, 1000), ...tooLong('remarks', remarks, 500));

    if (code.ok && year !== null) {
      const key = `${code.code}|${year}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ field: 'creditCode', code: 'row.duplicate', params: { firstRow: first } });
      else firstRowOf.set(key, row.rowNumber);
    }

    const entry: imports.ImportEntry | null =
      enterprise && year !== null
        ? {
            enterpriseId: enterprise.id,
            districtCode: enterprise.districtCode,
            plannedYear: year,
            reasons,
            reasonDetails: reasonDetails || null,
            lastAuditOn,
            contactName: contact.name,
            contactPhone: contact.phone,
            remarks: remarks || null,
          }
        : null;
    return { rowNumber: row.rowNumber, values: v, problems, entry };
  });

  // Already planned or listed for that year (checked set-based, once for the whole file).
  const pairs = checked.flatMap((r) => (r.entry ? [{ enterpriseId: r.entry.enterpriseId, year: r.entry.plannedYear }] : []));
  const taken = await imports.takenPairs(db, pairs);
  for (const row of checked) {
    if (row.entry && taken.has(`${row.entry.enterpriseId}|${row.entry.plannedYear}`)) {
      row.problems.push({ field: 'plannedYear', code: 'plannedYear.taken', params: { year: row.entry.plannedYear } });
    }
    if (row.problems.length) row.entry = null;
  }
  return checked;
}
