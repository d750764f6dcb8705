import type {
  AvailabilityInput,
  DrawSettingsInput,
  ExpertDetail,
  ExpertInput,
  ExpertListQuery,
  ExpertPage,
  ExpertProfileInput,
  ExpertRecord,
  TiesInput,
} from '../../../shared/contracts/experts';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Tx } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound, type FieldErrors } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import * as repo from './repository';
import { expertRecord } from './drawRepository';

export const EXPERT_ENTITY = { 'zh-CN': '专家', en: 'Expert' } as const;
const zh = (l: Locale) => l === 'zh-CN';

/** The expert library belongs to the city: city users only (district and others have no library access). */
export function libraryCity(actor: Actor): string {
  if (actor.scope.kind === 'city') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

async function checkReferences(tx: Tx, cityCode: string, input: ExpertProfileInput): Promise<void> {
  const fields: FieldErrors = {};
  if (input.industries.length) {
    const known = await repo.knownIndustries(tx, input.industries);
    input.industries.forEach((code, i) => {
      if (!known.has(code)) fields[`industries.${i}`] = (l) => (zh(l) ? `未知的行业代码 ${code}` : `unknown industry code ${code}`);
    });
  }
  if (input.districtCode) {
    const districts = await repo.districtsOfCity(tx, cityCode);
    if (!districts.some((d) => d.code === input.districtCode)) {
      fields.districtCode = (l) => (zh(l) ? '不是本市的区县' : 'is not a district of the city');
    }
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
}

/** Resolves the sign-in account to link: an expert account of the city, not linked to another profile. */
async function accountFor(tx: Tx, cityCode: string, username: string | null | undefined, selfId: string | null): Promise<string | null> {
  if (!username) return null;
  const account = (await repo.expertAccounts(tx, cityCode, [username]))[0];
  if (!account) {
    throw new AppError('VALIDATION_FAILED', {}, { username: (l) => (zh(l) ? '不是本市的专家账号' : 'is not an expert account of the city') });
  }
  if (account.linkedExpertId && account.linkedExpertId !== selfId) throw accountTaken();
  return account.id;
}

const accountTaken = () =>
  new AppError('VALIDATION_FAILED', {}, { username: (l) => (zh(l) ? '该账号已关联其他专家档案' : 'is already linked to another profile') });

const auditable = (e: ExpertDetail) => ({
  name: e.name,
  title: e.title,
  employer: e.employer,
  industries: e.industries,
  expertise: e.expertise,
  districtCode: e.districtCode,
  phone: e.phone,
  email: e.email,
  status: e.status,
  userId: e.userId,
});

export const listExperts = (db: Db, actor: Actor, q: ExpertListQuery): Promise<ExpertPage> => repo.listExperts(db, libraryCity(actor), q);

export async function getExpert(db: Db, actor: Actor, id: string): Promise<ExpertDetail> {
  const found = await repo.findExpert(db, { cityCode: libraryCity(actor), id });
  if (!found) throw notFound(EXPERT_ENTITY);
  return found;
}

export async function createExpert(db: Db, actor: Actor, input: ExpertInput, meta: RequestMeta): Promise<ExpertDetail> {
  const cityCode = libraryCity(actor);
  try {
    const id = await db.transaction(async (tx) => {
      await checkReferences(tx, cityCode, input);
      const userId = await accountFor(tx, cityCode, input.username, null);
      const created = await repo.insertExpert(tx, cityCode, { ...input, userId });
      const after = await repo.findExpert(tx, { cityCode, id: created });
      await recordAudit(tx, actor, meta, { action: 'expert.created', entityId: created, after: after ? auditable(after) : null });
      return created;
    });
    return await getExpert(db, actor, id);
  } catch (error) {
    if (isUniqueViolation(error, 'experts_user_id_key')) throw accountTaken();
    throw error;
  }
}

export async function updateExpert(db: Db, actor: Actor, id: string, input: ExpertInput, meta: RequestMeta): Promise<ExpertDetail> {
  const cityCode = libraryCity(actor);
  try {
    await db.transaction(async (tx) => {
      const before = await repo.findExpert(tx, { cityCode, id }, true);
      if (!before) throw notFound(EXPERT_ENTITY);
      await checkReferences(tx, cityCode, input);
      const userId = await accountFor(tx, cityCode, input.username, id);
      await repo.updateExpert(tx, id, { ...input, userId });
      const after = await repo.findExpert(tx, { cityCode, id });
      const change = diff(auditable(before), after ? auditable(after) : {});
      if (change) await recordAudit(tx, actor, meta, { action: 'expert.updated', entityId: id, ...change });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'experts_user_id_key')) throw accountTaken();
    throw error;
  }
  return getExpert(db, actor, id);
}

/** Whose profile: the city's expert by id, or the signed-in expert's own (404 when they have none). */
type Target = { cityCode: string; id: string } | { userId: string };
const targetOf = (actor: Actor, id: string | null): Target => (id === null ? { userId: actor.userId } : { cityCode: libraryCity(actor), id });

async function lockTarget(tx: Tx, target: Target): Promise<ExpertDetail> {
  const found = await repo.findExpert(tx, target, true);
  if (!found) throw notFound(EXPERT_ENTITY);
  return found;
}

export async function getOwnProfile(db: Db, actor: Actor): Promise<ExpertDetail> {
  const found = await repo.findExpert(db, { userId: actor.userId });
  if (!found) throw notFound(EXPERT_ENTITY);
  return found;
}

/** The expert edits their own profile (not the status or the account link). */
export async function updateOwnProfile(db: Db, actor: Actor, input: ExpertProfileInput, meta: RequestMeta): Promise<ExpertDetail> {
  await db.transaction(async (tx) => {
    const before = await lockTarget(tx, { userId: actor.userId });
    const { rows } = await tx.query<{ cityCode: string }>('SELECT city_code AS "cityCode" FROM experts WHERE id = $1', [before.id]);
    await checkReferences(tx, rows[0]!.cityCode, input);
    await repo.updateExpert(tx, before.id, { ...input, userId: before.userId, status: before.status });
    const after = await repo.findExpert(tx, { userId: actor.userId });
    const change = diff(auditable(before), after ? auditable(after) : {});
    if (change) await recordAudit(tx, actor, meta, { action: 'expert.updated', entityId: before.id, ...change });
  });
  return getOwnProfile(db, actor);
}

export async function saveAvailability(db: Db, actor: Actor, id: string | null, input: AvailabilityInput, meta: RequestMeta): Promise<ExpertDetail> {
  const fields: FieldErrors = {};
  input.periods.forEach((p, i) => {
    if (p.toOn < p.fromOn) fields[`periods.${i}.toOn`] = (l) => (zh(l) ? '不能早于开始日期' : 'must not be before the start date');
  });
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
  const target = targetOf(actor, id);
  const expertId = await db.transaction(async (tx) => {
    const before = await lockTarget(tx, target);
    await repo.replaceAvailability(tx, before.id, input);
    await recordAudit(tx, actor, meta, {
      action: 'expert.availabilitySaved',
      entityId: before.id,
      before: { periods: before.availability.map(({ fromOn, toOn, note }) => ({ fromOn, toOn, note })) },
      after: { periods: input.periods.map((p) => ({ fromOn: p.fromOn, toOn: p.toOn, note: p.note ?? null })) },
    });
    return before.id;
  });
  return id === null ? getOwnProfile(db, actor) : getExpert(db, actor, expertId);
}

export async function saveTies(db: Db, actor: Actor, id: string | null, input: TiesInput, meta: RequestMeta): Promise<ExpertDetail> {
  const target = targetOf(actor, id);
  const expertId = await db.transaction(async (tx) => {
    const before = await lockTarget(tx, target);
    const { rows } = await tx.query<{ cityCode: string }>('SELECT city_code AS "cityCode" FROM experts WHERE id = $1', [before.id]);
    const cityCode = rows[0]!.cityCode;
    const orgIds = input.ties.flatMap((t) => (t.kind !== 'employer' && t.organizationId ? [t.organizationId] : []));
    const targets = new Map((await repo.tieTargets(tx, cityCode, orgIds)).map((o) => [o.id, o.kind]));
    const fields: FieldErrors = {};
    input.ties.forEach((t, i) => {
      if (t.kind === 'employer') {
        if (!t.employerName) fields[`ties.${i}.employerName`] = (l) => (zh(l) ? '请填写单位名称' : 'is required');
      } else if (!t.organizationId || targets.get(t.organizationId) !== t.kind) {
        fields[`ties.${i}.organizationId`] = (l) =>
          zh(l) ? `请选择本市的${t.kind === 'agency' ? '咨询服务机构' : '企业'}` : `choose ${t.kind === 'agency' ? 'an agency' : 'an enterprise'} of the city`;
      }
    });
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
    await repo.replaceTies(tx, before.id, input);
    await recordAudit(tx, actor, meta, {
      action: 'expert.tiesSaved',
      entityId: before.id,
      before: { ties: before.ties.map(({ kind, organizationId, employerName }) => ({ kind, organizationId, employerName })) },
      after: { ties: input.ties.map((t) => ({ kind: t.kind, organizationId: t.organizationId ?? null, employerName: t.employerName ?? null })) },
    });
    return before.id;
  });
  return id === null ? getOwnProfile(db, actor) : getExpert(db, actor, expertId);
}

/** Tie targets for the picker: the city of the library (city users) or of the expert's profile. */
export async function tieOptions(db: Db, actor: Actor, kind: 'agency' | 'enterprise', q: string | undefined) {
  let cityCode: string;
  if (actor.scope.kind === 'city') cityCode = actor.scope.cityCode;
  else {
    const own = await getOwnProfile(db, actor);
    const { rows } = await db.query<{ cityCode: string }>('SELECT city_code AS "cityCode" FROM experts WHERE id = $1', [own.id]);
    cityCode = rows[0]!.cityCode;
  }
  return repo.tieOptions(db, cityCode, kind, q);
}

export const getDrawSettings = (db: Db, actor: Actor) => repo.drawSettings(db, libraryCity(actor));

export async function saveDrawSettings(db: Db, actor: Actor, input: DrawSettingsInput, meta: RequestMeta) {
  const cityCode = libraryCity(actor);
  await db.transaction(async (tx) => {
    const before = await repo.drawSettings(tx, cityCode);
    await repo.saveDrawSettings(tx, cityCode, input, actor.userId);
    await recordAudit(tx, actor, meta, { action: 'expertDrawSettings.updated', entityId: null, before: { ...before }, after: { ...input } });
  });
  return repo.drawSettings(db, cityCode);
}

export async function getRecord(db: Db, actor: Actor, id: string): Promise<ExpertRecord> {
  const expert = await getExpert(db, actor, id);
  const { availability: _a, ties: _t, ...profile } = expert;
  return { expert: profile, ...(await expertRecord(db, expert.id, expert.userId)) };
}
