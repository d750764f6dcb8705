import type { GradingRuleInput, ScoreSheetInput, ScoreSheetVersions, ScoreSheetView } from '../../../shared/contracts/reviews';
import {
  validateGradingRule,
  validateScoreSheet,
  type GradingRule,
  type GradingRuleProblem,
  type ScoreSheetKind,
  type ScoreSheetProblem,
} from '../../../shared/domain/scoring';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import * as repo from './configRepository';

export const SHEET_ENTITY = { 'zh-CN': '评分表', en: 'Score sheet' } as const;

/** The city whose review configuration the caller administers or reads. */
export function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city' || actor.scope.kind === 'district') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

const zh = (l: Locale) => l === 'zh-CN';

function sheetProblemField(problem: ScoreSheetProblem, items: ScoreSheetInput['items']): [string, (l: Locale) => string] {
  const at = (code: string, last = false) => (last ? items.map((i) => i.code).lastIndexOf(code) : items.findIndex((i) => i.code === code));
  switch (problem.code) {
    case 'noItems':
      return ['items', (l) => (zh(l) ? '至少需要一个评分项' : 'needs at least one item')];
    case 'duplicateCode':
      return [`items.${at(problem.item, true)}.code`, (l) => (zh(l) ? `代码“${problem.item}”重复` : `code "${problem.item}" is used twice`)];
    case 'badPoints':
      return [
        `items.${at(problem.item)}.maxPoints`,
        (l) => (zh(l) ? `“${problem.item}”的分值应大于 0，最多一位小数` : `"${problem.item}": points must be above 0, at most one decimal`),
      ];
    case 'vetoWithPoints':
      return [
        `items.${at(problem.item)}.maxPoints`,
        (l) => (zh(l) ? `“${problem.item}”是否决项，分值应为 0` : `"${problem.item}" is a veto item: its points must be 0`),
      ];
    case 'vetoBonus':
      return [
        `items.${at(problem.item)}.bonus`,
        (l) => (zh(l) ? `“${problem.item}”是否决项，不能同时为加分项` : `"${problem.item}" is a veto item and cannot be a bonus item`),
      ];
    case 'baseTotal':
      return [
        'items',
        (l) =>
          zh(l)
            ? `基本项分值合计应为 ${problem.expected} 分，现为 ${problem.actual} 分`
            : `base items must total ${problem.expected} points, not ${problem.actual}`,
      ];
  }
}

const RULE_PROBLEMS: Record<GradingRuleProblem, Readonly<Record<Locale, string>>> = {
  outOfRange: { 'zh-CN': '超出允许范围', en: 'is out of range' },
  tooPrecise: { 'zh-CN': '最多保留一位小数', en: 'may have at most one decimal' },
  notInteger: { 'zh-CN': '应为整数', en: 'must be a whole number' },
  failAbovePass: { 'zh-CN': '“通过”分数线不能低于“不通过”分数线', en: 'must not be below the fail threshold' },
};

export async function getSheet(db: Db, actor: Actor, kind: ScoreSheetKind): Promise<ScoreSheetVersions> {
  const cityCode = cityOf(actor);
  const current = await repo.currentSheet(db, cityCode, kind);
  if (!current) throw notFound(SHEET_ENTITY);
  return { current, versions: await repo.sheetVersions(db, cityCode, kind) };
}

export async function getSheetVersion(db: Db, actor: Actor, kind: ScoreSheetKind, version: number): Promise<ScoreSheetView> {
  const found = await repo.sheetVersion(db, cityOf(actor), kind, version);
  if (!found) throw notFound(SHEET_ENTITY);
  return found;
}

/** An edit of a sheet is a new version; panels formed earlier keep theirs. */
export async function saveSheet(db: Db, actor: Actor, kind: ScoreSheetKind, input: ScoreSheetInput, meta: RequestMeta): Promise<ScoreSheetView> {
  const cityCode = cityOf(actor);
  const problems = validateScoreSheet({ id: 'draft', version: 0, kind, items: input.items });
  if (problems.length) {
    const fields: FieldErrors = {};
    for (const problem of problems) {
      const [path, message] = sheetProblemField(problem, input.items);
      if (!fields[path]) fields[path] = message;
    }
    throw new AppError('VALIDATION_FAILED', {}, fields);
  }
  return db.transaction(async (tx) => {
    const before = await repo.currentSheet(tx, cityCode, kind);
    const id = await repo.insertSheetVersion(tx, cityCode, kind, input.items, actor.userId);
    if (!id) {
      throw new LocalizedError('REVIEW_CONFLICT', {
        reason: { 'zh-CN': '评分表刚被他人修订，请刷新后重试', en: 'the sheet was just changed by someone else; reload and retry' },
      });
    }
    const created = await repo.sheetById(tx, id);
    if (!created) throw new Error('created score sheet not found');
    await recordAudit(tx, actor, meta, {
      action: 'scoreSheet.versionCreated',
      entityId: id,
      before: before ? { kind, version: before.version, items: before.items } : null,
      after: { kind, version: created.version, items: created.items },
    });
    return created;
  });
}

export async function getRule(db: Db, actor: Actor): Promise<GradingRule> {
  return repo.gradingRule(db, cityOf(actor));
}

export async function saveRule(db: Db, actor: Actor, input: GradingRuleInput, meta: RequestMeta): Promise<GradingRule> {
  const cityCode = cityOf(actor);
  const problems = validateGradingRule(input);
  const entries = Object.entries(problems);
  if (entries.length) {
    const fields: FieldErrors = {};
    for (const [path, problem] of entries) fields[path] = (l) => RULE_PROBLEMS[problem][l];
    throw new AppError('VALIDATION_FAILED', {}, fields);
  }
  return db.transaction(async (tx) => {
    const before = await repo.gradingRule(tx, cityCode);
    await repo.saveGradingRule(tx, cityCode, input, actor.userId);
    const changes = diff({ ...before }, { ...input });
    await recordAudit(tx, actor, meta, {
      action: 'gradingRule.updated',
      entityId: cityCode,
      before: changes?.before ?? null,
      after: { cityCode, ...(changes?.after ?? {}) },
    });
    return repo.gradingRule(tx, cityCode);
  });
}
