import ExcelJS from 'exceljs';
import {
  EXPERT_IMPORT_COLUMNS,
  expertProfileInput,
  type Expert,
  type ExpertImportProblem,
  type ExpertImportReport,
} from '../../../shared/contracts/experts';
import { normalizeHeader } from '../../../shared/domain/excelLayouts';
import { EXPERTISE_KINDS, type ExpertiseKind } from '../../../shared/domain/recusal';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import { blobPath, insertFile, type Blob, type FileStore } from '../../platform/files';
import { keysetPages, type SheetSpec } from '../../platform/xlsx';
import { cellText } from '../rounds/importParser';
import * as repo from './repository';
import { libraryCity } from './service';

/**
 * Excel import of the expert library (upload → row-level report → commit | discard) and the .xlsx template/export.
 * The columns are EXPERT_IMPORT_COLUMNS; the template is the export's header without rows.
 */

const IMPORT_ENTITY = { 'zh-CN': '专家库导入', en: 'Expert library import' } as const;
const MAX_ROWS = 2000;
const EXPERTISE_LABELS: Record<string, ExpertiseKind> = { 审核: 'audit', 行业: 'industry', 监测: 'monitoring', audit: 'audit', industry: 'industry', monitoring: 'monitoring' };
const EXPERTISE_TEXT: Record<ExpertiseKind, string> = { audit: '审核', industry: '行业', monitoring: '监测' };

const PROBLEM_TEXT: Record<ExpertImportProblem, Record<Locale, string>> = {
  required: { 'zh-CN': '必填', en: 'is required' },
  tooLong: { 'zh-CN': '内容过长', en: 'is too long' },
  industryUnknown: { 'zh-CN': '含未知的行业代码', en: 'holds an unknown industry code' },
  expertiseUnknown: { 'zh-CN': '只能填写 审核、行业、监测', en: 'must be among 审核, 行业, 监测' },
  districtUnknown: { 'zh-CN': '不是本市的区县', en: 'is not a district of the city' },
  phoneInvalid: { 'zh-CN': '电话号码格式不正确', en: 'is not a valid phone number' },
  emailInvalid: { 'zh-CN': '电子邮箱格式不正确', en: 'is not a valid e-mail address' },
  usernameUnknown: { 'zh-CN': '不是本市的专家账号', en: 'is not an expert account of the city' },
  usernameTaken: { 'zh-CN': '该账号已关联专家档案', en: 'is already linked to a profile' },
  duplicateInFile: { 'zh-CN': '在文件中重复', en: 'appears twice in the file' },
};

interface StoredRow {
  rowNumber: number;
  values: Record<string, string>;
  problems: { field: string; problem: ExpertImportProblem }[];
  profile: {
    name: string;
    username: string | null;
    title: string | null;
    employer: string | null;
    industries: string[];
    expertise: ExpertiseKind[];
    districtCode: string | null;
    phone: string | null;
    email: string | null;
  } | null;
}

const split = (text: string) =>
  text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

async function readRows(file: string): Promise<{ rowNumber: number; values: Record<string, string> }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_EMPTY');
  const expected = EXPERT_IMPORT_COLUMNS.map((c) => normalizeHeader(c.label));
  let headerRow = 0;
  let found: string[] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, 10); r += 1) {
    const texts: string[] = [];
    for (let c = 1; c <= expected.length; c += 1) texts.push(cellText(sheet.getRow(r).getCell(c).value));
    if (texts.every((t) => t === '')) continue;
    if (texts.map(normalizeHeader).every((t, i) => t === expected[i])) {
      headerRow = r;
      break;
    }
    if (!found.length || texts.some((t) => t === '姓名')) found = texts.filter(Boolean);
  }
  if (!headerRow) {
    const same = (text: string) => ({ 'zh-CN': text, en: text });
    throw new LocalizedError('IMPORT_HEADERS_INVALID', {
      layouts: { 'zh-CN': '专家库导入模板', en: 'expert library template' },
      expected: same(EXPERT_IMPORT_COLUMNS.map((c) => c.label).join(' | ')),
      found: same(found.length ? found.join(' | ') : '—'),
    });
  }
  const rows: { rowNumber: number; values: Record<string, string> }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const values: Record<string, string> = {};
    EXPERT_IMPORT_COLUMNS.forEach((c, i) => (values[c.key] = cellText(row.getCell(i + 1).value)));
    if (Object.values(values).every((v) => v === '')) continue;
    if (rows.length >= MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: MAX_ROWS });
    rows.push({ rowNumber: r, values });
  }
  if (!rows.length) throw new AppError('IMPORT_EMPTY');
  return rows;
}

/** Validates every row; reference checks are one query each for the whole file. */
async function validate(db: Db, cityCode: string, raw: { rowNumber: number; values: Record<string, string> }[]): Promise<StoredRow[]> {
  const allCodes = [...new Set(raw.flatMap((r) => split(r.values.industries ?? '')))];
  const usernames = [...new Set(raw.map((r) => r.values.username ?? '').filter(Boolean))];
  const [known, districts, accounts] = await Promise.all([
    repo.knownIndustries(db, allCodes),
    repo.districtsOfCity(db, cityCode),
    repo.expertAccounts(db, cityCode, usernames),
  ]);
  const accountByName = new Map(accounts.map((a) => [a.username, a]));
  const seenUsernames = new Map<string, number>();
  const seenNames = new Map<string, number>();
  return raw.map((r) => {
    const v = r.values;
    const problems: StoredRow['problems'] = [];
    const add = (field: string, problem: ExpertImportProblem) => problems.push({ field, problem });
    const name = v.name ?? '';
    if (!name) add('name', 'required');
    const key = `${name}|${v.employer ?? ''}`;
    if (name && seenNames.has(key)) add('name', 'duplicateInFile');
    seenNames.set(key, r.rowNumber);
    const industries = split(v.industries ?? '');
    if (industries.some((c) => !known.has(c))) add('industries', 'industryUnknown');
    const expertiseTexts = split(v.expertise ?? '');
    const expertise = expertiseTexts.map((t) => EXPERTISE_LABELS[t]).filter((k): k is ExpertiseKind => !!k);
    if (expertise.length !== expertiseTexts.length) add('expertise', 'expertiseUnknown');
    let districtCode: string | null = null;
    if (v.district) {
      districtCode = districts.find((d) => d.name === v.district || d.code === v.district)?.code ?? null;
      if (!districtCode) add('district', 'districtUnknown');
    }
    const username = v.username || null;
    if (username) {
      const account = accountByName.get(username);
      if (!account) add('username', 'usernameUnknown');
      else if (account.linkedExpertId) add('username', 'usernameTaken');
      if (seenUsernames.has(username)) add('username', 'duplicateInFile');
      seenUsernames.set(username, r.rowNumber);
    }
    const parsed = expertProfileInput.safeParse({
      name: name || 'x',
      title: v.title,
      employer: v.employer,
      industries: [],
      expertise: [],
      phone: v.phone,
      email: v.email,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        add(field, field === 'phone' ? 'phoneInvalid' : field === 'email' ? 'emailInvalid' : 'tooLong');
      }
    }
    const profile =
      problems.length === 0 && parsed.success
        ? {
            name,
            username,
            title: parsed.data.title ?? null,
            employer: parsed.data.employer ?? null,
            industries,
            expertise: [...new Set(expertise)].filter((k) => (EXPERTISE_KINDS as readonly string[]).includes(k)),
            districtCode,
            phone: parsed.data.phone ?? null,
            email: parsed.data.email ?? null,
          }
        : null;
    return { rowNumber: r.rowNumber, values: v, problems, profile };
  });
}

interface ImportRecord {
  id: string;
  status: 'uploaded' | 'committed' | 'discarded';
  rows: StoredRow[];
  createdCount: number | null;
}

function toReport(record: ImportRecord, locale: Locale): ExpertImportReport {
  const rows = record.rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: r.values,
    errors: r.problems.map((p) => ({ field: p.field, problem: p.problem, message: PROBLEM_TEXT[p.problem][locale] })),
  }));
  const errorCount = rows.filter((r) => r.errors.length).length;
  return { id: record.id, status: record.status, rows, validCount: rows.length - errorCount, errorCount, createdCount: record.createdCount };
}

async function findImport(db: Queryable, cityCode: string, id: string, lock = false) {
  const { rows } = await db.query<ImportRecord>(
    `SELECT id, status, rows, created_count AS "createdCount" FROM expert_imports WHERE id = $1 AND city_code = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [id, cityCode],
  );
  return rows[0];
}

export async function uploadImport(
  db: Db,
  files: FileStore,
  actor: Actor,
  receive: () => Promise<Blob & { originalName: string }>,
  meta: RequestMeta,
  locale: Locale,
): Promise<ExpertImportReport> {
  const cityCode = libraryCity(actor);
  const blob = await receive();
  const rows = await validate(db, cityCode, await readRows(blobPath(files, blob.sha256)));
  const id = await db.transaction(async (tx) => {
    const file = await insertFile(tx, blob, { uploadedBy: actor.userId, cityCode, districtCode: null });
    const { rows: created } = await tx.query<{ id: string }>(
      'INSERT INTO expert_imports (city_code, file_id, rows, created_by) VALUES ($1, $2, $3::jsonb, $4) RETURNING id',
      [cityCode, file.id, JSON.stringify(rows), actor.userId],
    );
    const importId = created[0]!.id;
    await recordAudit(tx, actor, meta, {
      action: 'expertImport.uploaded',
      entityId: importId,
      after: { fileId: file.id, fileName: file.originalName, rows: rows.length, errorCount: rows.filter((r) => r.problems.length).length },
    });
    return importId;
  });
  return getImport(db, actor, id, locale);
}

export async function getImport(db: Db, actor: Actor, id: string, locale: Locale): Promise<ExpertImportReport> {
  const record = await findImport(db, libraryCity(actor), id);
  if (!record) throw notFound(IMPORT_ENTITY);
  return toReport(record, locale);
}

/** Writes the valid rows in one statement (422 when rows have errors and onlyValidRows is false; a second commit 409). */
export async function commitImport(db: Db, actor: Actor, id: string, onlyValidRows: boolean, meta: RequestMeta, locale: Locale): Promise<ExpertImportReport> {
  const cityCode = libraryCity(actor);
  await db.transaction(async (tx) => {
    const record = await findImport(tx, cityCode, id, true);
    if (!record) throw notFound(IMPORT_ENTITY);
    if (record.status !== 'uploaded') {
      throw new LocalizedError('IMPORT_STATE_CONFLICT', {
        status: record.status === 'committed' ? { 'zh-CN': '已导入', en: 'committed' } : { 'zh-CN': '已放弃', en: 'discarded' },
      });
    }
    const errorCount = record.rows.filter((r) => r.problems.length).length;
    if (errorCount && !onlyValidRows) throw new AppError('IMPORT_HAS_ERRORS', { count: errorCount });
    const valid = record.rows.flatMap((r) => (r.profile ? [r.profile] : []));
    // Accounts linked meanwhile are re-checked by the unique index (experts.user_id): the commit then fails whole.
    const accounts = new Map((await repo.expertAccounts(tx, cityCode, valid.flatMap((p) => (p.username ? [p.username] : [])))).map((a) => [a.username, a]));
    const items = valid.map((p) => ({
      ...p,
      userId: p.username ? (accounts.get(p.username)?.id ?? null) : null,
      status: 'active' as const,
    }));
    const created = await repo.insertExperts(tx, cityCode, items);
    await tx.query(`UPDATE expert_imports SET status = 'committed', committed_at = now(), created_count = $2 WHERE id = $1 AND status = 'uploaded'`, [
      id,
      created,
    ]);
    await recordAudit(tx, actor, meta, { action: 'expertImport.committed', entityId: id, after: { created, skipped: errorCount } });
  });
  return getImport(db, actor, id, locale);
}

/** The library as .xlsx (streamed, keyset pages), or the empty template (`template`). */
export function librarySheet(db: Db, actor: Actor, template: boolean): SheetSpec<string> {
  const cityCode = libraryCity(actor);
  const columns = EXPERT_IMPORT_COLUMNS.map((c) => ({ key: c.key, label: c.label, width: c.width }));
  async function* none(): AsyncGenerator<Record<string, string>[]> {}
  async function* pages() {
    for await (const page of keysetPages<Expert, { name: string; id: string }>(
      (after, size) => repo.exportPage(db, cityCode, after, size),
      (row) => ({ name: row.name, id: row.id }),
    )) {
      yield page.map((e) => ({
        name: e.name,
        username: e.username ?? '',
        title: e.title ?? '',
        employer: e.employer ?? '',
        industries: e.industries.join(','),
        expertise: e.expertise.map((k) => EXPERTISE_TEXT[k]).join(','),
        district: e.districtName ?? '',
        phone: e.phone ?? '',
        email: e.email ?? '',
      }));
    }
  }
  return {
    fileName: template ? '专家库导入模板.xlsx' : '专家库.xlsx',
    sheetName: '专家库',
    title: template ? '专家库导入模板' : '专家库',
    columns,
    pages: template ? none() : pages(),
  };
}
