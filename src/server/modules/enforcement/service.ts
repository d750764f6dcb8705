import type {
  CaseCloseBody,
  CaseDecideBody,
  CaseInput,
  CaseListQuery,
  CasePage,
  EnforcementCase,
} from '../../../shared/contracts/enforcement';
import { can } from '../../../shared/domain/permissions';
import {
  caseProblems,
  caseProblemText,
  isPenalty,
  legalBasis,
  LEGAL_BASES,
  type EnforcementStep,
} from '../../../shared/domain/enforcement';
import type { Db, Tx } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound, type FieldErrors } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { getEnterprise } from '../enterprises/service';
import { recordCaseCredit } from './creditService';
import * as repo from './repository';

export const CASE_ENTITY = { 'zh-CN': '执法案件', en: 'Enforcement case' } as const;
const ROUND_ENTITY = { 'zh-CN': '审核轮次', en: 'Audit round' } as const;

function toCase(row: repo.CaseRow, actor: Actor): EnforcementCase {
  const { cityCode: _city, ...rest } = row;
  const manage = can(actor.role, 'enforcement.manage');
  return {
    ...rest,
    abilities: { edit: manage && row.status === 'open', decide: manage && row.status === 'open', close: manage && row.status === 'decided' },
  };
}

function stateConflict(status: string): AppError {
  return new AppError('ENFORCEMENT_CASE_STATE_CONFLICT', { status });
}

function decisionNoTaken(decisionNo: string): AppError {
  return new AppError('ENFORCEMENT_DECISION_NO_TAKEN', { decisionNo }, {
    decisionNo: (l) => (l === 'zh-CN' ? '已被本区县其他案件使用' : 'is already used by another case of this district'),
  });
}

/** The catalogue checks of a case (basis ↔ violation, measure, fine range) and the dates: 400 naming each field. */
function validate(input: Omit<CaseInput, 'enterpriseId' | 'facts'>, forDecision = false): void {
  const fields: FieldErrors = {};
  for (const problem of caseProblems(
    { violationType: input.violationType, legalBasis: input.legalBasis, measure: input.measure, fineAmount: input.fineAmount ?? null },
    forDecision,
  )) {
    fields[problem.field] = (l) => caseProblemText(problem, l);
  }
  if (input.correctionDue && input.correctionDue < input.openedOn) {
    fields.correctionDue = (l) => (l === 'zh-CN' ? '不能早于立案日期' : 'cannot be before the date opened');
  }
  if (input.measure !== 'order_correction' && input.measure !== 'order_correction_fine' && input.correctionDue) {
    fields.correctionDue = (l) => (l === 'zh-CN' ? '仅责令改正的案件填写改正期限' : 'applies only to an order to correct');
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
}

/** The enterprise (in the caller's scope: 404) and the round, which must be the enterprise's (404). */
async function checkReferences(db: Db | Tx, actor: Actor, input: CaseInput) {
  const enterprise = await getEnterprise(db, actor, input.enterpriseId);
  let roundId: string | null = null;
  if (input.roundId) {
    const round = await repo.roundOfEnterprise(db, actor.scope, input.roundId, enterprise.id);
    if (!round) throw notFound(ROUND_ENTITY);
    roundId = round.id;
  }
  return { enterprise, roundId };
}

/** A fine under Art. 39 / Measures Art. 37 follows a disregarded order to correct (422 otherwise). */
async function checkFineAfterOrder(tx: Tx, input: Pick<CaseInput, 'enterpriseId' | 'legalBasis' | 'measure'>, asOf: string): Promise<void> {
  const basis = legalBasis(input.legalBasis);
  if (!basis.fineAfterOrder || !isPenalty(input.measure)) return;
  if (!(await repo.hasDecidedOrder(tx, input.enterpriseId, basis.violations, asOf))) {
    throw new AppError('ENFORCEMENT_FINE_NEEDS_ORDER', { basis: LEGAL_BASES[input.legalBasis].label['zh-CN'] });
  }
}

function values(input: CaseInput, roundId: string | null): repo.CaseValues {
  return {
    enterpriseId: input.enterpriseId,
    roundId,
    violationType: input.violationType,
    legalBasis: input.legalBasis,
    measure: input.measure,
    facts: input.facts,
    openedOn: input.openedOn,
    correctionDue: input.correctionDue ?? null,
    fineAmount: input.fineAmount ?? null,
  };
}

export async function listCases(db: Db, actor: Actor, query: CaseListQuery): Promise<CasePage> {
  const page = await repo.listCases(db, actor.scope, query);
  return { items: page.items.map((r) => toCase(r, actor)), total: page.total };
}

export async function getCase(db: Db, actor: Actor, id: string): Promise<EnforcementCase> {
  const row = await repo.findCase(db, actor.scope, id);
  if (!row) throw notFound(CASE_ENTITY);
  return toCase(row, actor);
}

/** Record a case (status open) in the caller's district; `suggestedStep` when created from the work list. */
export async function createCaseIn(
  tx: Tx,
  actor: Actor,
  input: CaseInput,
  meta: RequestMeta,
  suggestedStep: Exclude<EnforcementStep, 'rollover'> | null = null,
): Promise<string> {
  validate(input);
  if (actor.scope.kind !== 'district') throw new AppError('FORBIDDEN');
  const { enterprise, roundId } = await checkReferences(tx, actor, input);
  await checkFineAfterOrder(tx, input, input.openedOn);
  const id = await repo.insertCase(tx, {
    ...values(input, roundId),
    cityCode: actor.scope.cityCode,
    districtCode: enterprise.districtCode,
    createdBy: actor.userId,
    suggestedStep,
  });
  const created = await repo.findCase(tx, actor.scope, id);
  if (!created) throw new Error('created case is not visible to its author');
  await recordAudit(tx, actor, meta, { action: 'enforcement.caseCreated', entityId: id, after: { ...created } });
  return id;
}

export async function createCase(db: Db, actor: Actor, input: CaseInput, meta: RequestMeta): Promise<EnforcementCase> {
  const id = await db.transaction((tx) => createCaseIn(tx, actor, input, meta));
  return getCase(db, actor, id);
}

export async function updateCase(
  db: Db,
  actor: Actor,
  id: string,
  input: CaseInput & { expectedVersion: number },
  meta: RequestMeta,
): Promise<EnforcementCase> {
  const { expectedVersion, ...fields } = input;
  validate(fields);
  await db.transaction(async (tx) => {
    const before = await repo.findCase(tx, actor.scope, id, true);
    if (!before) throw notFound(CASE_ENTITY);
    if (before.status !== 'open' || before.version !== expectedVersion) throw stateConflict(before.status);
    const { roundId } = await checkReferences(tx, actor, fields);
    await checkFineAfterOrder(tx, fields, fields.openedOn);
    if (!(await repo.updateOpenCase(tx, id, expectedVersion, values(fields, roundId), actor.userId))) throw stateConflict(before.status);
    const after = await repo.findCase(tx, actor.scope, id);
    if (!after) throw new Error('updated case left the caller scope');
    await recordAudit(tx, actor, meta, { action: 'enforcement.caseUpdated', entityId: id, before: { ...before }, after: { ...after } });
  });
  return getCase(db, actor, id);
}

/**
 * Decide a case: the decision number and date are set, and in the same transaction the enterprise's negative
 * credit record is written and, for a penalty under the Law/Measures, the enterprise is put in the mandatory
 * environmental-information disclosure scope.
 */
export async function decideCase(db: Db, actor: Actor, id: string, body: CaseDecideBody, meta: RequestMeta): Promise<EnforcementCase> {
  try {
    await db.transaction(async (tx) => {
      const before = await repo.findCase(tx, actor.scope, id, true);
      if (!before) throw notFound(CASE_ENTITY);
      if (before.status !== 'open' || before.version !== body.expectedVersion) throw stateConflict(before.status);
      if (body.decidedOn < before.openedOn) {
        throw new AppError('VALIDATION_FAILED', {}, { decidedOn: (l) => (l === 'zh-CN' ? '不能早于立案日期' : 'cannot be before the date opened') });
      }
      validate(before, true);
      await checkFineAfterOrder(tx, before, body.decidedOn);
      const decisionNo = body.decisionNo.trim();
      if (!(await repo.decideCase(tx, id, body.expectedVersion, { decisionNo, decidedOn: body.decidedOn, userId: actor.userId }))) {
        throw stateConflict(before.status);
      }
      const after = await repo.findCase(tx, actor.scope, id);
      if (!after) throw new Error('decided case left the caller scope');
      await recordAudit(tx, actor, meta, {
        action: 'enforcement.caseDecided',
        entityId: id,
        before: { status: before.status },
        after: { status: after.status, decisionNo, decidedOn: body.decidedOn, measure: after.measure, fineAmount: after.fineAmount },
      });
      await recordCaseCredit(tx, actor, meta, after);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'enforcement_cases_decision_no_uq')) throw decisionNoTaken(body.decisionNo.trim());
    throw error;
  }
  return getCase(db, actor, id);
}

export async function closeCase(db: Db, actor: Actor, id: string, body: CaseCloseBody, meta: RequestMeta): Promise<EnforcementCase> {
  await db.transaction(async (tx) => {
    const before = await repo.findCase(tx, actor.scope, id, true);
    if (!before) throw notFound(CASE_ENTITY);
    if (before.status !== 'decided' || before.version !== body.expectedVersion) throw stateConflict(before.status);
    if (before.decidedOn && body.closedOn < before.decidedOn) {
      throw new AppError('VALIDATION_FAILED', {}, { closedOn: (l) => (l === 'zh-CN' ? '不能早于决定日期' : 'cannot be before the decision date') });
    }
    const note = body.note ?? null;
    if (!(await repo.closeCase(tx, id, body.expectedVersion, { closedOn: body.closedOn, note, userId: actor.userId }))) {
      throw stateConflict(before.status);
    }
    await recordAudit(tx, actor, meta, {
      action: 'enforcement.caseClosed',
      entityId: id,
      before: { status: before.status },
      after: { status: 'closed', closedOn: body.closedOn, closeNote: note },
    });
  });
  return getCase(db, actor, id);
}
