import type { DrawInput, DrawVerification, PanelDraw, ReplacementDrawInput, RoundDraws } from '../../../shared/contracts/experts';
import { localIsoDate } from '../../../shared/domain/deadlines';
import { drawFrom, newSeed, seedCommitment, verifyDraw } from '../../../shared/domain/draw';
import {
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  screenExperts,
  type DrawContext,
  type ExclusionReason,
  type ExpertiseKind,
} from '../../../shared/domain/recusal';
import { validatePanelSize, type ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { notifyPanelAssigned } from '../notifications/transitionNotices';
import * as config from '../reviews/configRepository';
import * as panels from '../reviews/panelRepository';
import { kindUnderReview, PANEL_ENTITY, reviewConflict, ruleText } from '../reviews/panelService';
import * as rounds from '../rounds/repository';
import { ROUND_ENTITY } from '../rounds/service';
import * as repo from './drawRepository';
import { drawSettings } from './repository';

export const DRAW_ENTITY = { 'zh-CN': '专家抽取记录', en: 'Expert draw' } as const;

const panelExists = () => reviewConflict({ 'zh-CN': '该轮次已有未作结论的专家组', en: 'the round already has an undecided panel' });

/** "2 名：与咨询机构同一单位 1 名，…" — which rule excluded how many, in both languages. */
function excludedText(counts: Partial<Record<ExclusionReason, number>>, poolSize: number): Record<Locale, string> {
  const used = EXCLUSION_REASONS.filter((r) => counts[r]);
  return {
    'zh-CN': `专家库在用专家 ${poolSize} 名${used.length ? '；排除：' + used.map((r) => `${EXCLUSION_REASON_LABELS[r]['zh-CN']} ${counts[r]} 名`).join('，') : ''}`,
    en: `${poolSize} active experts in the library${used.length ? '; excluded: ' + used.map((r) => `${EXCLUSION_REASON_LABELS[r].en} ${counts[r]}`).join(', ') : ''}`,
  };
}

function tooFew(needed: number, eligible: number, counts: Partial<Record<ExclusionReason, number>>, poolSize: number, field: string): AppError {
  const n = (v: number) => ({ 'zh-CN': String(v), en: String(v) });
  const fields: Record<string, (l: Locale) => string> = {
    [field]: (l) => (l === 'zh-CN' ? `需要 ${needed} 名，符合条件 ${eligible} 名` : `${needed} needed, ${eligible} eligible`),
  };
  for (const r of EXCLUSION_REASONS) {
    const c = counts[r];
    if (c) fields[`excluded.${r}`] = (l) => (l === 'zh-CN' ? `${EXCLUSION_REASON_LABELS[r][l]}：${c} 名` : `${EXCLUSION_REASON_LABELS[r][l]}: ${c}`);
  }
  return new LocalizedError(
    'DRAW_TOO_FEW_CANDIDATES',
    { needed: n(needed), eligible: n(eligible), excluded: excludedText(counts, poolSize) },
    fields,
  );
}

interface Screening {
  ctx: DrawContext;
  pool: repo.PoolRow[];
  candidates: repo.PoolRow[];
  excluded: { facts: repo.PoolRow; reasons: ExclusionReason[] }[];
  countsByReason: Partial<Record<ExclusionReason, number>>;
  parties: repo.RoundParties;
}

/** Gathers the facts set-based and applies the pure recusal rules. */
async function screen(
  tx: Queryable,
  roundId: string,
  panelId: string | null,
  reviewOn: string,
  industries: readonly string[],
  expertise: readonly ExpertiseKind[],
): Promise<Screening> {
  const parties = await repo.roundParties(tx, roundId);
  const [settings, accepted] = await Promise.all([drawSettings(tx, parties.cityCode), repo.acceptedIndustries(tx, industries)]);
  const unknown = industries.filter((c) => !accepted.includes(c));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {}, {
      industries: (l) => (l === 'zh-CN' ? `未知的行业代码：${unknown.join('、')}` : `unknown industry codes: ${unknown.join(', ')}`),
    });
  }
  const ctx: DrawContext = {
    reviewOn,
    enterpriseId: parties.enterpriseId,
    enterpriseName: parties.enterpriseName,
    agencyId: parties.agencyId,
    agencyName: parties.agencyName,
    acceptedIndustries: accepted,
    requiredExpertise: expertise,
    settings,
  };
  const pool = await repo.poolFacts(tx, { cityCode: parties.cityCode, reviewOn, agencyId: parties.agencyId, roundId, panelId });
  return { ctx, pool, parties, ...screenExperts(pool, ctx) };
}

const entry = (f: repo.PoolRow) => ({ id: f.userId, expertId: f.expertId, name: f.name, employer: f.employer });

/** Records the draw (commitment first), then draws from the candidates with the revealed seed. */
async function commitAndDraw(
  tx: Queryable,
  actor: Actor,
  meta: RequestMeta,
  s: Screening,
  d: { roundId: string; kind: ScoreSheetKind; purpose: 'initial' | 'replacement'; replacedUserId: string | null; size: number; industries: readonly string[]; expertise: readonly string[] },
): Promise<{ drawId: string; seed: string; drawn: string[] }> {
  const seed = newSeed();
  const seedHash = seedCommitment(seed);
  const candidates = [...s.candidates].map(entry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const drawId = await repo.insertDraw(tx, {
    roundId: d.roundId,
    kind: d.kind,
    purpose: d.purpose,
    replacedUserId: d.replacedUserId,
    size: d.size,
    requiredIndustries: d.industries,
    requiredExpertise: d.expertise,
    reviewOn: s.ctx.reviewOn,
    criteria: { agencyLookbackMonths: s.ctx.settings.agencyLookbackMonths, maxOpenPanels: s.ctx.settings.maxOpenPanels, agencyName: s.parties.agencyName },
    candidates,
    exclusions: s.excluded.map((x) => ({ ...entry(x.facts), reasons: x.reasons })),
    seedHash,
    manualReason: null,
    createdBy: actor.userId,
    cityCode: s.parties.cityCode,
    districtCode: s.parties.districtCode,
  });
  await recordAudit(tx, actor, meta, {
    action: 'panelDraw.committed',
    entityId: drawId,
    after: { roundId: d.roundId, purpose: d.purpose, size: d.size, seedHash, candidateCount: candidates.length, excludedCount: s.excluded.length },
  });
  const drawn = drawFrom(
    candidates.map((c) => c.id),
    d.size,
    seed,
  );
  return { drawId, seed, drawn };
}

/** The district draws the panel of a round under review: commitment, candidates, draw, panel — one transaction. */
export async function drawPanel(db: Db, actor: Actor, roundId: string, input: DrawInput, meta: RequestMeta): Promise<PanelDraw> {
  const today = localIsoDate(new Date());
  if (input.meetingOn && input.meetingOn < today) {
    throw new AppError('VALIDATION_FAILED', {}, {
      meetingOn: (l) => (l === 'zh-CN' ? `不能早于今天（${today}）` : `must not be before today (${today})`),
    });
  }
  let drawId = '';
  try {
    await db.transaction(async (tx) => {
      const round = await rounds.findRound(tx, actor.scope, roundId);
      if (!round) throw notFound(ROUND_ENTITY);
      await tx.query('SELECT id FROM audit_rounds WHERE id = $1 FOR UPDATE', [roundId]);
      const kind = kindUnderReview(round.state);
      if (!kind) throw reviewConflict({ 'zh-CN': '审核轮次不在专家评估或验收阶段', en: 'the round is not under expert evaluation or acceptance' });
      if (await panels.openPanelId(tx, roundId, kind)) throw panelExists();
      const parties = await repo.roundParties(tx, roundId);
      const rule = await config.gradingRule(tx, parties.cityCode);
      if (!validatePanelSize(input.size, rule).ok) {
        const text = ruleText(rule);
        throw new AppError('VALIDATION_FAILED', {}, { size: (l) => text[l] });
      }
      const reviewOn = input.meetingOn ?? today;
      const s = await screen(tx, roundId, null, reviewOn, input.industries, input.expertise);
      if (s.candidates.length < input.size) throw tooFew(input.size, s.candidates.length, s.countsByReason, s.pool.length, 'size');
      const result = await commitAndDraw(tx, actor, meta, s, {
        roundId,
        kind,
        purpose: 'initial',
        replacedUserId: null,
        size: input.size,
        industries: input.industries,
        expertise: input.expertise,
      });
      drawId = result.drawId;
      const sheet = await config.currentSheet(tx, parties.cityCode, kind);
      if (!sheet) throw new Error(`city ${parties.cityCode} has no ${kind} score sheet`);
      const panelId = await panels.insertPanel(tx, { id: roundId, cityCode: parties.cityCode, districtCode: parties.districtCode }, kind, sheet.id, actor.userId, result.drawn);
      if (input.meetingOn) await panels.scheduleMeeting(tx, panelId, input.meetingOn, null);
      await repo.executeDraw(tx, drawId, result.seed, result.drawn, panelId);
      await notifyPanelAssigned(tx, panelId, result.drawn);
      await recordAudit(tx, actor, meta, {
        action: 'panelDraw.executed',
        entityId: drawId,
        after: { roundId, panelId, kind, seed: result.seed, drawnIds: result.drawn, sheetVersion: sheet.version },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'review_panels_open_uq')) throw panelExists();
    throw error;
  }
  return getDraw(db, actor, drawId);
}

/** A member who declared a conflict (declined) or has not submitted is replaced by a draw from the remaining experts. */
export async function drawReplacement(db: Db, actor: Actor, panelId: string, input: ReplacementDrawInput, meta: RequestMeta): Promise<PanelDraw> {
  const drawId = await db.transaction(async (tx) => {
    const panel = await panels.findPanel(tx, actor.scope, panelId, true);
    if (!panel) throw notFound(PANEL_ENTITY);
    if (panel.decidedAt) throw reviewConflict({ 'zh-CN': '专家组已作出结论', en: 'the panel has already decided' });
    const members = await panels.panelMembers(tx, panelId);
    const outgoing = members.find((m) => m.expertUserId === input.outgoingUserId && !m.replacedAt);
    if (!outgoing) {
      throw new AppError('VALIDATION_FAILED', {}, {
        outgoingUserId: (l) => (l === 'zh-CN' ? '不是该专家组的在任成员' : 'is not an active member of the panel'),
      });
    }
    if (outgoing.submittedAt && outgoing.hasConflict !== true) {
      throw reviewConflict({ 'zh-CN': '该专家已提交评分，不能更换', en: 'the expert has submitted scores and cannot be replaced' });
    }
    const { rows } = await tx.query<{ meetingOn: string | null; industries: string[] | null; expertise: string[] | null }>(
      `SELECT to_char(p.meeting_on, 'YYYY-MM-DD') AS "meetingOn", d.required_industries AS industries, d.required_expertise AS expertise
         FROM review_panels p LEFT JOIN panel_draws d ON d.panel_id = p.id AND d.purpose = 'initial'
        WHERE p.id = $1`,
      [panelId],
    );
    const today = localIsoDate(new Date());
    const meetingOn = rows[0]?.meetingOn ?? null;
    const reviewOn = meetingOn && meetingOn > today ? meetingOn : today;
    const industries = rows[0]?.industries ?? [];
    const expertise = (rows[0]?.expertise ?? []) as ExpertiseKind[];
    const s = await screen(tx, panel.roundId, panelId, reviewOn, industries, expertise);
    if (s.candidates.length < 1) throw tooFew(1, 0, s.countsByReason, s.pool.length, 'outgoingUserId');
    const result = await commitAndDraw(tx, actor, meta, s, {
      roundId: panel.roundId,
      kind: panel.kind,
      purpose: 'replacement',
      replacedUserId: input.outgoingUserId,
      size: 1,
      industries,
      expertise,
    });
    const incoming = result.drawn[0]!;
    await panels.replaceMember(tx, panelId, input.outgoingUserId, incoming, actor.userId);
    await repo.executeDraw(tx, result.drawId, result.seed, result.drawn, panelId);
    await notifyPanelAssigned(tx, panelId, [incoming]);
    await recordAudit(tx, actor, meta, {
      action: 'panelDraw.executed',
      entityId: result.drawId,
      before: { expertUserId: input.outgoingUserId, hasConflict: outgoing.hasConflict },
      after: { roundId: panel.roundId, panelId, seed: result.seed, drawnIds: result.drawn },
    });
    return result.drawId;
  });
  return getDraw(db, actor, drawId);
}

export async function getDraw(db: Db, actor: Actor, drawId: string): Promise<PanelDraw> {
  const draw = await repo.findDraw(db, actor.scope, drawId);
  if (!draw) throw notFound(DRAW_ENTITY);
  return draw;
}

export async function listRoundDraws(db: Db, actor: Actor, roundId: string): Promise<RoundDraws> {
  const round = await rounds.findRound(db, actor.scope, roundId);
  if (!round) throw notFound(ROUND_ENTITY);
  return { items: await repo.roundDraws(db, actor.scope, roundId) };
}

/** Recomputes a stored draw: the seed matches its commitment and the documented algorithm gives the stored result. */
export function verifyRecord(draw: Pick<PanelDraw, 'id' | 'manual' | 'seed' | 'seedHash' | 'candidates' | 'drawnIds'>): DrawVerification {
  if (draw.manual || !draw.seed || !draw.seedHash) {
    return { drawId: draw.id, manual: draw.manual, seedMatches: false, resultMatches: false, recomputed: [], verified: false };
  }
  const check = verifyDraw({ seed: draw.seed, seedHash: draw.seedHash, candidateIds: draw.candidates.map((c) => c.id), drawnIds: draw.drawnIds });
  return { drawId: draw.id, manual: false, ...check, verified: check.seedMatches && check.resultMatches };
}

export async function verification(db: Db, actor: Actor, drawId: string): Promise<DrawVerification> {
  return verifyRecord(await getDraw(db, actor, drawId));
}
