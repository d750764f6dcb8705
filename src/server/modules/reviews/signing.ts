import type { Signature } from '../../../shared/contracts/expertWork';
import { GUARDS, transitionDef, type TransitionName } from '../../../shared/domain/roundStates';
import { panelResult, type ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Locale } from '../../../shared/i18n/locales';
import type { Queryable } from '../../db/types';
import { LocalizedError, type AppError, type FieldErrors } from '../../platform/errors';
import { gradingRule, sheetById, toDomainSheet } from './configRepository';
import * as repo from './expertWorkRepository';

/** The panel result every member signs, and the signing guard of recordEvaluation / recordAcceptance. */

export interface ResultPreview {
  score: number;
  grade: string;
  vetoItems: string[];
}

/**
 * The result the panel's scores give now (its sheet version, the city's grading rule): null until every active
 * member declared no conflict and submitted scores.
 */
export async function panelPreview(
  db: Queryable,
  panel: { kind: ScoreSheetKind; sheetId: string; cityCode: string },
  members: readonly repo.ActiveMember[],
): Promise<ResultPreview | null> {
  if (members.length === 0 || members.some((m) => m.hasConflict !== false || !m.submittedAt || !m.scores)) return null;
  const stored = await sheetById(db, panel.sheetId);
  if (!stored) throw new Error(`score sheet ${panel.sheetId} missing`);
  const sheet = toDomainSheet(stored);
  const rule = await gradingRule(db, panel.cityCode);
  const scores = members.map((m) => m.scores ?? {});
  const result = panel.kind === 'evaluation' ? panelResult('evaluation', sheet, scores, rule) : panelResult('acceptance', sheet, scores, rule);
  return { score: result.score, grade: result.grade, vetoItems: result.vetoItems };
}

/** A stored signature, marked current when it confirms `result` (the decided or the previewed one). */
export function signatureView(
  stored: { signedName: string; signedAt: string; panelScore: number; grade: string } | null,
  result: { score: number; grade: string } | null,
): Signature | null {
  if (!stored) return null;
  const current = !!result && stored.panelScore === result.score && stored.grade === result.grade;
  return { ...stored, grade: stored.grade as Signature['grade'], current };
}

/** What the allMembersSigned guard looks at, loaded in the transition's transaction. */
export interface SigningFacts {
  panelOpen: boolean;
  /** Active members without a signature of the current result. */
  unsigned: { expertUserId: string; displayName: string }[];
}

export async function loadSigningFacts(db: Queryable, roundId: string): Promise<SigningFacts> {
  const panel = await repo.openPanelOf(db, roundId);
  if (!panel) return { panelOpen: false, unsigned: [] };
  const members = await repo.activeMembers(db, panel.id);
  const result = await panelPreview(db, panel, members);
  const unsigned = members
    .filter((m) => !signatureView(m.signature, result)?.current)
    .map((m) => ({ expertUserId: m.expertUserId, displayName: m.displayName }));
  return { panelOpen: true, unsigned };
}

export function signingGuardPasses(facts: SigningFacts | undefined): boolean {
  return !!facts && facts.panelOpen && facts.unsigned.length === 0;
}

/** 422 GUARD_NOT_MET naming every member who has not signed, in the message and one field each. */
export function signingGuardNotMet(name: TransitionName, facts: SigningFacts | undefined): AppError {
  const guard = GUARDS.allMembersSigned;
  const fields: FieldErrors = { 'guards.allMembersSigned': (l) => guard[l] };
  const unsigned = facts?.unsigned ?? [];
  for (const m of unsigned) {
    fields[`signatures.${m.expertUserId}`] = (l) => (l === 'zh-CN' ? `${m.displayName} 尚未签字确认` : `${m.displayName} has not signed`);
  }
  const names = unsigned.map((m) => m.displayName);
  const text: Record<Locale, string> = names.length
    ? { 'zh-CN': `${guard['zh-CN']}（尚未签字：${names.join('、')}）`, en: `${guard.en} (not signed: ${names.join(', ')})` }
    : guard;
  return new LocalizedError('GUARD_NOT_MET', { guard: text, transition: transitionDef(name).label }, fields);
}
