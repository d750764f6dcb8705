import type {
  Baseline,
  BaselineBody,
  BenefitsInput,
  OptionInput,
  OptionList,
  OptionListQuery,
  OptionProgressBody,
  RoundOption,
} from '../../../shared/contracts/options';
import {
  BENEFIT_INDICATORS,
  MAX_OPTIONS_PER_ROUND,
  OPTION_STATUS_LABELS,
  computeOptionWarnings,
  statusChangeAllowed,
  type Benefits,
  type OptionStatus,
} from '../../../shared/domain/options';
import { can } from '../../../shared/domain/permissions';
import { ROUND_STATE_LABELS, type RoundState } from '../../../shared/domain/roundStates';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import { findRoundKeys, type RoundKeys } from '../rounds/materialRepository';
import { ROUND_ENTITY } from '../rounds/service';
import * as repo from './repository';
import { signOption, unsignOption } from '../similarity/signatures';

export const OPTION_ENTITY = { 'zh-CN': '清洁生产方案', en: 'Option' } as const;
const MATERIAL = {
  options: { 'zh-CN': '清洁生产方案', en: 'options' },
  baseline: { 'zh-CN': '年消耗基准数据', en: 'declared baseline' },
} as const;

/**
 * The states in which the enterprise (or its engaged agency) works on the audit or the implementation of its
 * options. During form checks and reviews, and from acceptance on, options are read-only.
 */
export const OPTION_EDITABLE_STATES: readonly RoundState[] = [
  'audit_started',
  'report_submitted',
  'evaluation_returned',
  'evaluation_failed',
  'evaluated',
  'acceptance_returned',
  'acceptance_rejected',
];

function assertEditable(state: RoundState, kind: keyof typeof MATERIAL): void {
  if (!OPTION_EDITABLE_STATES.includes(state)) {
    throw new LocalizedError('ROUND_MATERIAL_LOCKED', { state: ROUND_STATE_LABELS[state], material: MATERIAL[kind] });
  }
}

async function scopedRound(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<RoundKeys> {
  const round = await findRoundKeys(db, actor.scope, id, forUpdate);
  if (!round) throw notFound(ROUND_ENTITY);
  return round;
}

async function scopedOption(db: Queryable, roundId: string, optionId: string, forUpdate = false): Promise<RoundOption> {
  const option = await repo.findOption(db, roundId, optionId, forUpdate);
  if (!option) throw notFound(OPTION_ENTITY);
  return option;
}

/** Benefits without the indicators left blank. */
function figures(input: BenefitsInput | undefined): Benefits {
  const out: Benefits = {};
  for (const key of BENEFIT_INDICATORS) {
    const value = input?.[key];
    if (typeof value === 'number') out[key] = value;
  }
  return out;
}

const M = {
  dropReason: { 'zh-CN': '放弃方案须说明理由', en: 'is required when the option is dropped' },
  feasibility: { 'zh-CN': '仅适用于中/高费方案', en: 'applies to medium/high-cost options only' },
  tooMany: { 'zh-CN': `每轮最多登记 ${MAX_OPTIONS_PER_ROUND} 项方案`, en: `at most ${MAX_OPTIONS_PER_ROUND} options per round` },
} as const;

function statusMessage(from: OptionStatus, to: OptionStatus) {
  return (l: Locale) =>
    l === 'zh-CN'
      ? `不能从“${OPTION_STATUS_LABELS[from][l]}”改为“${OPTION_STATUS_LABELS[to][l]}”`
      : `cannot change from "${OPTION_STATUS_LABELS[from][l]}" to "${OPTION_STATUS_LABELS[to][l]}"`;
}

/** Cross-field checks the schema cannot express; every problem named by its field. */
function checkOption(
  next: { category: string; status: OptionStatus; dropReason: string | null; feasibility: string | null },
  previous: OptionStatus | null,
): void {
  const fields: FieldErrors = {};
  if (next.status === 'dropped' && !next.dropReason) fields.dropReason = (l) => M.dropReason[l];
  if (next.category === 'low_cost' && next.feasibility) fields.feasibility = (l) => M.feasibility[l];
  if (previous && !statusChangeAllowed(previous, next.status)) fields.status = statusMessage(previous, next.status);
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
}

/** What the audit trail records of an option. */
function snapshot(o: RoundOption): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, version: _v, ...rest } = o;
  return rest;
}

function fieldsOf(input: OptionInput): repo.OptionFields {
  return {
    category: input.category,
    direction: input.direction,
    optionName: input.optionName,
    description: input.description ?? null,
    investment: input.investment ?? null,
    status: input.status,
    dropReason: input.status === 'dropped' ? (input.dropReason ?? null) : null,
    feasibility: input.category === 'high_cost' ? (input.feasibility ?? null) : null,
    feasibilityNote: input.category === 'high_cost' ? (input.feasibilityNote ?? null) : null,
    plannedEffectiveOn: input.plannedEffectiveOn ?? null,
    actualEffectiveOn: input.actualEffectiveOn ?? null,
  };
}

// --- reading ---

export async function listRoundOptions(
  db: Queryable,
  actor: Actor,
  id: string,
  query: OptionListQuery,
  locale: Locale,
): Promise<OptionList> {
  const round = await scopedRound(db, actor, id);
  const [page, all, summary, baseline, rules] = await Promise.all([
    repo.listOptions(db, round.id, query),
    repo.ruleOptions(db, round.id),
    repo.optionSummary(db, round.id),
    repo.findBaseline(db, round.id),
    repo.cityRules(db, round.cityCode),
  ]);
  const warnings = computeOptionWarnings(all, baseline, rules.rules).map((w) => ({ code: w.code, optionId: w.optionId, message: w.text[locale] }));
  const count = (category: 'low_cost' | 'high_cost') => {
    const row = summary.counts.find((c) => c.category === category);
    return { total: row?.total ?? 0, implemented: row?.implemented ?? 0, dropped: row?.dropped ?? 0 };
  };
  const predicted: Benefits = {};
  const actual: Benefits = {};
  for (const b of summary.benefits) {
    if (b.predicted !== null) predicted[b.indicator] = b.predicted;
    if (b.actual !== null) actual[b.indicator] = b.actual;
  }
  return {
    items: page.items,
    total: page.total,
    summary: { low_cost: count('low_cost'), high_cost: count('high_cost'), investment: summary.investment, predicted, actual },
    warnings,
    baseline,
    abilities: { edit: can(actor.role, 'round.material.edit') && OPTION_EDITABLE_STATES.includes(round.state) },
  };
}

export async function getOption(db: Queryable, actor: Actor, id: string, optionId: string): Promise<RoundOption> {
  const round = await scopedRound(db, actor, id);
  return scopedOption(db, round.id, optionId);
}

// --- changes ---

export async function createOption(db: Db, actor: Actor, id: string, input: OptionInput, meta: RequestMeta): Promise<RoundOption> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    assertEditable(round.state, 'options');
    const fields = fieldsOf(input);
    checkOption({ ...fields, status: input.status, feasibility: input.feasibility ?? null }, null);
    if ((await repo.optionCount(tx, round.id)) >= MAX_OPTIONS_PER_ROUND) {
      throw new AppError('VALIDATION_FAILED', {}, { options: (l) => M.tooMany[l] });
    }
    const optionId = await repo.insertOption(tx, round, fields, actor.userId);
    await repo.replaceBenefits(tx, { id: optionId, roundId: round.id }, figures(input.predictedBenefits), figures(input.actualBenefits));
    await signOption(tx, optionId);
    const created = await scopedOption(tx, round.id, optionId);
    await recordAudit(tx, actor, meta, { action: 'option.created', entityId: optionId, after: { roundId: round.id, ...snapshot(created) } });
    return created;
  });
}

export async function updateOption(
  db: Db,
  actor: Actor,
  id: string,
  optionId: string,
  input: OptionInput,
  meta: RequestMeta,
): Promise<RoundOption> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    const before = await scopedOption(tx, round.id, optionId, true);
    assertEditable(round.state, 'options');
    const fields = fieldsOf(input);
    checkOption({ ...fields, status: input.status, feasibility: input.feasibility ?? null }, before.status);
    await repo.updateOption(tx, optionId, fields, actor.userId);
    await repo.replaceBenefits(tx, { id: optionId, roundId: round.id }, figures(input.predictedBenefits), figures(input.actualBenefits));
    await signOption(tx, optionId);
    const after = await scopedOption(tx, round.id, optionId);
    const changes = diff(snapshot(before), snapshot(after));
    if (changes) await recordAudit(tx, actor, meta, { action: 'option.updated', entityId: optionId, ...changes });
    return after;
  });
}

/** Record implementation progress: status (dropping needs a reason), actual benefits and effective date. */
export async function recordProgress(
  db: Db,
  actor: Actor,
  id: string,
  optionId: string,
  body: OptionProgressBody,
  meta: RequestMeta,
): Promise<RoundOption> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    const before = await scopedOption(tx, round.id, optionId, true);
    assertEditable(round.state, 'options');
    const dropReason = body.status === 'dropped' ? (body.dropReason ?? null) : null;
    checkOption({ category: before.category, status: body.status, dropReason, feasibility: null }, before.status);
    const fields: repo.OptionFields = {
      ...before,
      status: body.status,
      dropReason,
      actualEffectiveOn: body.actualEffectiveOn ?? null,
    };
    await repo.updateOption(tx, optionId, fields, actor.userId);
    await repo.replaceBenefits(tx, { id: optionId, roundId: round.id }, before.predictedBenefits, figures(body.actualBenefits));
    const after = await scopedOption(tx, round.id, optionId);
    const changes = diff(snapshot(before), snapshot(after));
    if (changes) await recordAudit(tx, actor, meta, { action: 'option.progressRecorded', entityId: optionId, ...changes });
    return after;
  });
}

export async function deleteOption(db: Db, actor: Actor, id: string, optionId: string, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    const before = await scopedOption(tx, round.id, optionId, true);
    assertEditable(round.state, 'options');
    await unsignOption(tx, optionId);
    await repo.deleteOption(tx, optionId);
    await recordAudit(tx, actor, meta, { action: 'option.deleted', entityId: optionId, before: { roundId: round.id, ...snapshot(before) } });
  });
}

// --- baseline ---

export async function getBaseline(db: Queryable, actor: Actor, id: string): Promise<Baseline> {
  const round = await scopedRound(db, actor, id);
  return repo.findBaseline(db, round.id);
}

export async function saveBaseline(db: Db, actor: Actor, id: string, body: BaselineBody, meta: RequestMeta): Promise<Baseline> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    assertEditable(round.state, 'baseline');
    const before = await repo.findBaseline(tx, round.id);
    const next = { energyTce: body.energyTce ?? null, electricity10kKwh: body.electricity10kKwh ?? null, waterTonnes: body.waterTonnes ?? null };
    const { updatedAt: _u, ...old } = before;
    const changes = diff(old, next);
    if (!changes) return before;
    await repo.saveBaseline(tx, round, next, actor.userId);
    await recordAudit(tx, actor, meta, { action: 'round.baselineSaved', entityId: round.id, ...changes });
    return repo.findBaseline(tx, round.id);
  });
}
