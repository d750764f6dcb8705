import type { ConflictInput, MyReviewPage, MyReviewsQuery, ScoresInput, ScoringView } from '../../../shared/contracts/reviews';
import { SCORE_PROBLEM_MESSAGES, validateExpertScores, type ScoreProblem } from '../../../shared/domain/scoring';
import { interpolate } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound, type FieldErrors } from '../../platform/errors';
import * as config from './configRepository';
import * as repo from './panelRepository';
import { PANEL_ENTITY, reviewConflict } from './panelService';

/** The expert's reviews: open (to declare or score), submitted (panel still open), decided. */
export function myReviews(db: Db, actor: Actor, query: MyReviewsQuery): Promise<MyReviewPage> {
  return repo.myReviews(db, actor.userId, query);
}

async function membership(db: Queryable, actor: Actor, panelId: string, lock = false): Promise<repo.ScoringRow> {
  const row = await repo.myMembership(db, panelId, actor.userId, lock);
  if (!row) throw notFound(PANEL_ENTITY);
  return row;
}

async function sheetOf(db: Queryable, sheetId: string) {
  const sheet = await config.sheetById(db, sheetId);
  if (!sheet) throw new Error(`score sheet ${sheetId} missing`);
  return sheet;
}

/** The scoring page of one of the expert's panels: the panel's sheet version and the expert's own scores. */
export async function scoringView(db: Db, actor: Actor, panelId: string): Promise<ScoringView> {
  const row = await membership(db, actor, panelId);
  return {
    panelId: row.panelId,
    kind: row.kind,
    round: { id: row.roundId, enterpriseName: row.enterpriseName, listingYear: row.listingYear, districtName: row.districtName },
    sheet: await sheetOf(db, row.sheetId),
    formedAt: row.formedAt,
    decidedAt: row.decidedAt,
    status: row.status,
    conflictNote: row.conflictNote,
    scores: row.scores ?? {},
    submittedAt: row.submittedAt,
  };
}

const decided = () => reviewConflict({ 'zh-CN': '专家组已作出结论', en: 'the panel has already decided' });

/** Each member first declares conflicts of interest (none, or a conflict with a note); once only. */
export async function declareConflict(db: Db, actor: Actor, panelId: string, input: ConflictInput, meta: RequestMeta): Promise<ScoringView> {
  const note = input.note ?? null;
  if (input.hasConflict && !note) {
    throw new AppError('VALIDATION_FAILED', {}, {
      note: (l) => (l === 'zh-CN' ? '声明需要回避时须说明理由' : 'is required when declaring a conflict'),
    });
  }
  await db.transaction(async (tx) => {
    const row = await membership(tx, actor, panelId, true);
    if (row.decidedAt) throw decided();
    if (row.status !== 'undeclared') {
      throw reviewConflict({ 'zh-CN': '已声明过回避情况', en: 'conflicts have already been declared' });
    }
    await repo.declareConflict(tx, panelId, actor.userId, input.hasConflict, input.hasConflict ? note : null);
    await recordAudit(tx, actor, meta, {
      action: 'panel.conflictDeclared',
      entityId: panelId,
      after: { roundId: row.roundId, hasConflict: input.hasConflict, note: input.hasConflict ? note : null },
    });
  });
  return scoringView(db, actor, panelId);
}

/** Save a draft (incomplete scores allowed) or submit (every item scored); read-only after submission. */
export async function saveScores(db: Db, actor: Actor, panelId: string, input: ScoresInput, meta: RequestMeta): Promise<ScoringView> {
  await db.transaction(async (tx) => {
    const row = await membership(tx, actor, panelId, true);
    if (row.decidedAt) throw decided();
    if (row.status === 'undeclared') {
      throw reviewConflict({ 'zh-CN': '请先声明回避情况，再评分', en: 'declare conflicts of interest before scoring' });
    }
    if (row.status === 'conflict') {
      throw reviewConflict({ 'zh-CN': '已声明需要回避，不能评分', en: 'a member with a declared conflict cannot score' });
    }
    if (row.status === 'submitted') {
      throw reviewConflict({ 'zh-CN': '评分已提交，不能修改', en: 'the scores are submitted and can no longer be changed' });
    }
    const sheet = await sheetOf(tx, row.sheetId);
    const problems = Object.entries(validateExpertScores(config.toDomainSheet(sheet), input.scores)).filter(
      ([, problem]) => input.submit || problem.code !== 'missing',
    );
    if (problems.length) {
      const fields: FieldErrors = {};
      for (const [code, problem] of problems) {
        const item = sheet.items.find((i) => i.code === code);
        fields[`scores.${code}`] = (l) => `“${item ? item.label[l] : code}”${l === 'zh-CN' ? '' : ' '}${problemText(problem, l)}`;
      }
      throw new AppError('VALIDATION_FAILED', {}, fields);
    }
    await repo.saveScores(tx, panelId, actor.userId, input.scores, input.submit);
    await recordAudit(tx, actor, meta, {
      action: input.submit ? 'panel.scoresSubmitted' : 'panel.scoresSaved',
      entityId: panelId,
      after: { roundId: row.roundId, scores: input.scores },
    });
  });
  return scoringView(db, actor, panelId);
}

function problemText(problem: ScoreProblem, locale: 'zh-CN' | 'en'): string {
  const text = SCORE_PROBLEM_MESSAGES[problem.code][locale];
  return problem.code === 'outOfRange' ? interpolate(text, { max: problem.max }) : text;
}
