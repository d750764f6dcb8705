import type {
  Checker,
  CheckersInput,
  FindingInput,
  Population,
  PublicSpotCheckDetail,
  PublicSpotCheckPage,
  PublishInput,
  OpenCaseInput,
  SpotCheckDetail,
  SpotCheckInput,
  SpotCheckListQuery,
  SpotCheckPage,
  Verification,
} from '../../../shared/contracts/spotChecks';
import { newSeed, seedCommitment, type SampleSize } from '../../../shared/domain/draw';
import { can } from '../../../shared/domain/permissions';
import {
  SPOT_CHECK_CATEGORIES,
  SPOT_CHECK_CATEGORY_LABELS,
  drawSpotCheck,
  strataOf,
  verifySpotCheck,
  type SpotCheckCategory,
} from '../../../shared/domain/spotChecks';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { noticeDocx } from './notice';
import * as notices from './noticeRepository';
import { createCaseIn } from '../enforcement/service';
import * as repo from './repository';

export const SPOT_CHECK_ENTITY = { 'zh-CN': '抽查', en: 'Spot check' } as const;
export const SPOT_CHECK_ITEM_ENTITY = { 'zh-CN': '抽查对象', en: 'Spot-check item' } as const;

type Text = Readonly<Record<Locale, string>>;
const conflict = (reason: Text) => new LocalizedError('SPOT_CHECK_CONFLICT', { reason });
const notReady = (reason: Text, fields?: FieldErrors) => new LocalizedError('SPOT_CHECK_NOT_READY', { reason }, fields);

function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city' || actor.scope.kind === 'district') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

const sizeOf = (row: { sampleRatio: number | null; sampleCount: number | null }): SampleSize =>
  row.sampleRatio !== null ? { ratio: row.sampleRatio } : { count: row.sampleCount ?? 0 };

/** The accepted rounds of a year per district (the create form's preview). */
export async function population(db: Queryable, actor: Actor, year: number): Promise<Population> {
  const rows = await repo.population(db, cityOf(actor), year);
  const districts = new Map<string, { districtCode: string; districtName: string; count: number }>();
  for (const r of rows) {
    const d = districts.get(r.districtCode) ?? { districtCode: r.districtCode, districtName: r.districtName, count: 0 };
    d.count += 1;
    districts.set(r.districtCode, d);
  }
  return { year, total: rows.length, districts: [...districts.values()] };
}

export async function listSpotChecks(db: Queryable, actor: Actor, q: SpotCheckListQuery): Promise<SpotCheckPage> {
  return repo.listSpotChecks(db, actor.scope, q);
}

export async function getSpotCheck(db: Queryable, actor: Actor, id: string): Promise<SpotCheckDetail> {
  const row = await repo.findSpotCheck(db, actor.scope, id);
  if (!row) throw notFound(SPOT_CHECK_ENTITY);
  const [items, districts, categories] = await Promise.all([
    repo.items(db, actor.scope, id),
    repo.districtTallies(db, actor.scope, id),
    repo.categoryCounts(db, actor.scope, id),
  ]);
  const manage = can(actor.role, 'spotCheck.manage') && actor.scope.kind === 'city';
  const mayRecord = can(actor.role, 'spotCheck.record') && row.status === 'drawn';
  // Cases are recorded by district bureaus (enforcement module), for the problem findings of their district.
  const mayOpenCase = can(actor.role, 'enforcement.manage') && actor.scope.kind === 'district' && row.status !== 'draft';
  const categoryCounts = Object.fromEntries(SPOT_CHECK_CATEGORIES.map((c) => [c, categories[c] ?? 0])) as Record<SpotCheckCategory, number>;
  const drawn = row.status !== 'draft';
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    status: row.status,
    sampleRatio: row.sampleRatio,
    sampleCount: row.sampleCount,
    stratified: row.stratified,
    populationSize: Object.values(row.candidates).reduce((n, ids) => n + ids.length, 0),
    itemCount: items.length,
    pendingCount: items.filter((i) => i.result === 'pending').length,
    problemCount: items.filter((i) => i.result === 'problems').length,
    noticeNo: row.noticeNo,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    seedHash: row.seedHash,
    seed: drawn ? row.seed : null,
    candidateCounts: Object.fromEntries(Object.entries(row.candidates).map(([k, ids]) => [k, ids.length])),
    allocation: row.allocation,
    summary: row.summary,
    drawnAt: row.drawnAt,
    districts,
    categoryCounts,
    items: items.map((i) => ({
      ...i,
      abilities: {
        assign: manage && row.status === 'drawn',
        record: mayRecord,
        openCase: mayOpenCase && i.result === 'problems' && i.enforcementCaseId === null,
      },
    })),
    abilities: {
      draw: manage && row.status === 'draft',
      assign: manage && row.status === 'drawn',
      publish: manage && row.status === 'drawn',
      record: mayRecord,
    },
  };
}

/**
 * The city creates a spot check: the population (rounds accepted in `year`) is gathered in SQL and recorded as
 * the candidates per stratum; a fresh seed is generated and only its SHA-256 is shown until the draw.
 */
export async function createSpotCheck(db: Db, actor: Actor, input: SpotCheckInput, meta: RequestMeta): Promise<SpotCheckDetail> {
  const cityCode = cityOf(actor);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const rows = await repo.population(tx, cityCode, input.year);
      if (!rows.length) {
        throw notReady(
          { 'zh-CN': `${input.year} 年没有验收合格的审核轮次可供抽查`, en: `no round was accepted in ${input.year}` },
          { year: (l) => (l === 'zh-CN' ? '该年度没有验收合格的审核轮次' : 'has no accepted rounds') },
        );
      }
      if (input.sampleCount && input.sampleCount > rows.length) {
        throw new AppError('VALIDATION_FAILED', {}, {
          sampleCount: (l) => (l === 'zh-CN' ? `不能超过可抽查的轮次数 ${rows.length}` : `must not exceed the ${rows.length} rounds that can be sampled`),
        });
      }
      const candidates = strataOf(rows, input.stratified);
      const seed = newSeed();
      const seedHash = seedCommitment(seed);
      const created = await repo.insertSpotCheck(tx, {
        cityCode,
        year: input.year,
        title: input.title,
        sampleRatio: input.sampleRatio ?? null,
        sampleCount: input.sampleCount ?? null,
        stratified: input.stratified,
        seed,
        seedHash,
        candidates,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, meta, {
        action: 'spotCheck.created',
        entityId: created,
        after: {
          year: input.year,
          title: input.title,
          sampleRatio: input.sampleRatio ?? null,
          sampleCount: input.sampleCount ?? null,
          stratified: input.stratified,
          seedHash,
          candidates,
        },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'spot_checks_city_title_uq')) {
      throw new AppError('VALIDATION_FAILED', {}, {
        title: (l) => (l === 'zh-CN' ? '本市已有同名的抽查' : 'is already used by another spot check of the city'),
      });
    }
    throw error;
  }
  return getSpotCheck(db, actor, id);
}

/** Executes the committed draw: the allocation per stratum and the sampled rounds become the items. */
export async function drawSpotCheckSample(db: Db, actor: Actor, id: string, meta: RequestMeta): Promise<SpotCheckDetail> {
  await db.transaction(async (tx) => {
    const row = await repo.findSpotCheck(tx, actor.scope, id, true);
    if (!row) throw notFound(SPOT_CHECK_ENTITY);
    if (row.status !== 'draft') throw conflict({ 'zh-CN': '样本已抽取', en: 'the sample has already been drawn' });
    const { allocation, sampled } = drawSpotCheck(row.candidates, sizeOf(row), row.seed);
    await repo.recordDraw(tx, id, allocation, sampled, actor.userId);
    await recordAudit(tx, actor, meta, {
      action: 'spotCheck.drawn',
      entityId: id,
      after: { seed: row.seed, seedHash: row.seedHash, allocation, sampledRoundIds: sampled.map((s) => s.roundId) },
    });
  });
  return getSpotCheck(db, actor, id);
}

/** Recomputes the recorded sample from the record (seed, candidates, sample size). */
export async function verify(db: Queryable, actor: Actor, id: string): Promise<Verification> {
  const row = await repo.findSpotCheck(db, actor.scope, id);
  if (!row) throw notFound(SPOT_CHECK_ENTITY);
  if (row.status === 'draft' || !row.allocation) throw conflict({ 'zh-CN': '样本尚未抽取', en: 'the sample has not been drawn yet' });
  const strataOfRound = new Map(Object.entries(row.candidates).flatMap(([k, ids]) => ids.map((rid) => [rid, k] as const)));
  const sampled = (await repo.sampledRounds(db, id)).map((s) => ({ ...s, stratum: strataOfRound.get(s.roundId) ?? '' }));
  return verifySpotCheck({
    seed: row.seed,
    seedHash: row.seedHash,
    candidates: row.candidates,
    size: sizeOf(row),
    allocation: row.allocation,
    sampled,
  });
}

export async function checkerCandidates(db: Queryable, actor: Actor, districtCode: string | undefined): Promise<Checker[]> {
  return repo.checkerCandidates(db, cityOf(actor), districtCode ?? null);
}

async function drawnCheck(tx: Queryable, actor: Actor, id: string) {
  const row = await repo.findSpotCheck(tx, actor.scope, id, true);
  if (!row) throw notFound(SPOT_CHECK_ENTITY);
  if (row.status === 'draft') throw conflict({ 'zh-CN': '样本尚未抽取', en: 'the sample has not been drawn yet' });
  if (row.status === 'published') throw conflict({ 'zh-CN': '抽查结果已通报，不能再修改', en: 'the results are published and can no longer change' });
  return row;
}

/** The city names the checkers of a sampled round: bureau users (city, or the round's district) and/or external names. */
export async function assignCheckers(db: Db, actor: Actor, id: string, itemId: string, input: CheckersInput, meta: RequestMeta): Promise<SpotCheckDetail> {
  await db.transaction(async (tx) => {
    const row = await drawnCheck(tx, actor, id);
    const item = await repo.findItem(tx, actor.scope, id, itemId, true);
    if (!item) throw notFound(SPOT_CHECK_ITEM_ENTITY);
    const allowed = new Set((await repo.checkerCandidates(tx, row.cityCode, item.districtCode, input.checkerUserIds)).map((c) => c.id));
    const fields: FieldErrors = {};
    input.checkerUserIds.forEach((uid, i) => {
      if (!allowed.has(uid)) {
        fields[`checkerUserIds.${i}`] = (l) =>
          l === 'zh-CN' ? '不是市局或该区县生态环境局的在用账号' : 'is not an active user of the city bureau or of the district bureau';
      }
    });
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
    await repo.saveCheckers(tx, itemId, input.checkerUserIds, input.checkerNames);
    await recordAudit(tx, actor, meta, {
      action: 'spotCheck.checkersAssigned',
      entityId: id,
      before: { itemId, roundId: item.roundId, checkerUserIds: item.checkerUserIds, checkerNames: item.checkerNames },
      after: { itemId, roundId: item.roundId, checkerUserIds: input.checkerUserIds, checkerNames: input.checkerNames },
    });
  });
  return getSpotCheck(db, actor, id);
}

/**
 * Records the finding of a sampled round. The city may record any item; a district bureau the items of its district
 * (the checkers work for one of the two; the item scope of the repository enforces it, other districts get 404).
 */
export async function recordFinding(db: Db, actor: Actor, id: string, itemId: string, input: FindingInput, meta: RequestMeta): Promise<SpotCheckDetail> {
  const fields: FieldErrors = {};
  if (input.result === 'problems' && input.categories.length === 0) {
    fields.categories = (l) => (l === 'zh-CN' ? '发现问题时须至少选择一个问题类别' : 'choose at least one category when problems were found');
  }
  if (input.result === 'conforming' && input.categories.length > 0) {
    fields.categories = (l) => (l === 'zh-CN' ? '符合要求时不能选择问题类别' : 'must be empty when the round conforms');
  }
  if (input.result === 'problems' && !input.description) {
    fields.description = (l) => (l === 'zh-CN' ? '发现问题时须说明具体问题' : 'describe the problems found');
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
  await db.transaction(async (tx) => {
    await drawnCheck(tx, actor, id);
    const item = await repo.findItem(tx, actor.scope, id, itemId, true);
    if (!item) throw notFound(SPOT_CHECK_ITEM_ENTITY);
    const next = { result: input.result, categories: input.categories, description: input.description ?? null, checkedOn: input.checkedOn };
    await repo.saveFinding(tx, itemId, next, actor.userId);
    await recordAudit(tx, actor, meta, {
      action: 'spotCheck.findingRecorded',
      entityId: id,
      before: { itemId, roundId: item.roundId, result: item.result, categories: item.categories, description: item.description, checkedOn: item.checkedOn },
      after: { itemId, roundId: item.roundId, ...next },
    });
  });
  return getSpotCheck(db, actor, id);
}

/** Publishes the results notice (通报): every sampled round must have a finding. */
export async function publishSpotCheck(db: Db, actor: Actor, id: string, input: PublishInput, meta: RequestMeta): Promise<SpotCheckDetail> {
  await db.transaction(async (tx) => {
    const row = await drawnCheck(tx, actor, id);
    const pending = await repo.pendingItems(tx, id);
    if (pending.length) {
      const names = pending.map((p) => p.enterpriseName).join('、');
      throw notReady({ 'zh-CN': `以下抽查对象尚未登记检查结果：${names}`, en: `these sampled rounds have no finding yet: ${names}` });
    }
    await repo.publish(tx, id, input.noticeNo, input.summary ?? null, actor.userId);
    await recordAudit(tx, actor, meta, {
      action: 'spotCheck.published',
      entityId: id,
      before: { status: row.status },
      after: { status: 'published', noticeNo: input.noticeNo, summary: input.summary ?? null },
    });
  });
  return getSpotCheck(db, actor, id);
}

/**
 * "May open an enforcement case": the district bureau opens a case (status open, enforcement module) against the
 * enterprise of a problem finding of its district, the facts taken from the finding; the item keeps the case id.
 */
export async function openEnforcementCase(
  db: Db,
  actor: Actor,
  id: string,
  itemId: string,
  input: OpenCaseInput,
  meta: RequestMeta,
): Promise<{ caseId: string; detail: SpotCheckDetail }> {
  const caseId = await db.transaction(async (tx) => {
    const row = await repo.findSpotCheck(tx, actor.scope, id, true);
    if (!row) throw notFound(SPOT_CHECK_ENTITY);
    const item = await repo.findItem(tx, actor.scope, id, itemId, true);
    if (!item) throw notFound(SPOT_CHECK_ITEM_ENTITY);
    if (item.result !== 'problems') throw conflict({ 'zh-CN': '该抽查对象未发现问题', en: 'no problems were found for this round' });
    if (item.enforcementCaseId) throw conflict({ 'zh-CN': '已据此检查结果立案', en: 'a case was already opened from this finding' });
    const categories = item.categories.map((c) => SPOT_CHECK_CATEGORY_LABELS[c]['zh-CN']).join('、');
    const facts = `${row.year}年度清洁生产审核抽查（${row.title}）发现问题：${categories}。${item.description ?? ''}`.slice(0, 4000);
    const created = await createCaseIn(
      tx,
      actor,
      {
        enterpriseId: item.enterpriseId,
        roundId: item.roundId,
        violationType: input.violationType,
        legalBasis: input.violationType === 'other' ? 'other' : 'measures_art37',
        measure: 'order_correction',
        facts,
        openedOn: input.openedOn,
      },
      meta,
    );
    await repo.linkCase(tx, itemId, created);
    await recordAudit(tx, actor, meta, {
      action: 'spotCheck.caseOpened',
      entityId: id,
      after: { itemId, roundId: item.roundId, enforcementCaseId: created, violationType: input.violationType },
    });
    return created;
  });
  return { caseId, detail: await getSpotCheck(db, actor, id) };
}

// --- the results notice (通报) and the public portal ---

/** The notice of a published spot check in the caller's scope (404 out of scope, 409 before publication). */
export async function notice(db: Queryable, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  const row = await repo.findSpotCheck(db, actor.scope, id);
  if (!row) throw notFound(SPOT_CHECK_ENTITY);
  if (row.status !== 'published') throw conflict({ 'zh-CN': '抽查结果尚未通报', en: 'the results are not published yet' });
  const detail = await notices.publishedDetail(db, id);
  if (!detail) throw notFound(SPOT_CHECK_ENTITY);
  return noticeDocx(detail);
}

export async function publicList(db: Queryable, page: number, pageSize: number): Promise<PublicSpotCheckPage> {
  return notices.listPublished(db, page, pageSize);
}

export async function publicDetail(db: Queryable, id: string): Promise<PublicSpotCheckDetail> {
  const detail = await notices.publishedDetail(db, id);
  if (!detail) throw notFound(SPOT_CHECK_ENTITY);
  const { bureauName: _b, ...rest } = detail;
  return rest;
}

export async function publicNotice(db: Queryable, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  const detail = await notices.publishedDetail(db, id);
  if (!detail) throw notFound(SPOT_CHECK_ENTITY);
  return noticeDocx(detail);
}
