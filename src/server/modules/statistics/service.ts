import type {
  DrillPage,
  DrillQuery,
  NarrativeBody,
  ReturnBody,
  ReviewBody,
  SubmissionDto,
  SubmissionOverview,
  SubmissionQuery,
  SubmitBody,
  SummaryDto,
  SummaryQuery,
  SummaryRowDto,
  SummarySnapshot,
} from '../../../shared/contracts/statistics';
import { can } from '../../../shared/domain/permissions';
import {
  isSummaryMilestone,
  NARRATIVE_FIELDS,
  NARRATIVE_LABELS,
  SUBMISSION_EDITABLE_STATES,
  SUBMISSION_STATE_LABELS,
  SUMMARY_CATALOGUE_VERSION,
  summaryColumn,
  summaryDiff,
  type SubmissionState,
} from '../../../shared/domain/summaryColumns';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import { insertNotifications } from '../notifications/repository';
import { today } from '../rounds/service';
import * as subs from './submissionRepository';
import { computeSummary, drillSummary, type SummaryRow } from './summaryRepository';

export const SUBMISSION_ENTITY = { 'zh-CN': '工作总结表', en: 'Summary submission' } as const;
const DISTRICT_ENTITY = { 'zh-CN': '区县', en: 'District' } as const;

/** The statistics reader: a city user (every district) or a district user (their own). Others have no action. */
interface StatsScope {
  cityCode: string;
  /** Set for district users: the only district they see. */
  ownDistrict: string | null;
}

function statsScope(actor: Actor): StatsScope {
  if (actor.scope.kind === 'city') return { cityCode: actor.scope.cityCode, ownDistrict: null };
  if (actor.scope.kind === 'district') return { cityCode: actor.scope.cityCode, ownDistrict: actor.scope.districtCode };
  throw new AppError('FORBIDDEN');
}

/** The district a request is about: a district user's own (another one → 404); a city user's choice (in the city). */
async function districtOf(db: Queryable, s: StatsScope, requested: string | undefined, required: boolean): Promise<string | null> {
  if (s.ownDistrict) {
    if (requested && requested !== s.ownDistrict) throw notFound(DISTRICT_ENTITY);
    return s.ownDistrict;
  }
  if (!requested) {
    if (required) throw new AppError('VALIDATION_FAILED', {}, { district: (l) => (l === 'zh-CN' ? '请选择区县' : 'choose a district') });
    return null;
  }
  const { rows } = await db.query('SELECT 1 FROM regions WHERE code = $1 AND parent_code = $2', [requested, s.cityCode]);
  if (!rows.length) throw notFound(DISTRICT_ENTITY);
  return requested;
}

const nameOf = (row: { districtName: string; districtNameEn: string }, locale: Locale) =>
  locale === 'zh-CN' ? row.districtName : row.districtNameEn;

function rowDto(row: SummaryRow, locale: Locale, state: SubmissionState | null): SummaryRowDto {
  return { districtCode: row.districtCode, districtName: nameOf(row, locale), values: row.values, submissionState: state };
}

export async function getSummary(db: Queryable, actor: Actor, q: SummaryQuery, locale: Locale): Promise<SummaryDto> {
  const s = statsScope(actor);
  const district = await districtOf(db, s, q.districtCode, false);
  const [rows, states] = await Promise.all([computeSummary(db, s.cityCode, q.year, district), subs.statesByDistrict(db, s.cityCode, q.year)]);
  const districtRows = rows.filter((r) => r.districtCode !== null);
  const total = district ? null : rows.find((r) => r.districtCode === null);
  return {
    year: q.year,
    cityCode: s.cityCode,
    catalogueVersion: SUMMARY_CATALOGUE_VERSION,
    rows: districtRows.map((r) => rowDto(r, locale, states.get(r.districtCode ?? '') ?? null)),
    total: total ? rowDto(total, locale, null) : null,
    abilities: {
      submit: can(actor.role, 'statistics.submit'),
      review: can(actor.role, 'statistics.review'),
      export: can(actor.role, 'statistics.export'),
    },
  };
}

export async function drill(db: Queryable, actor: Actor, q: DrillQuery, locale: Locale): Promise<DrillPage> {
  const s = statsScope(actor);
  const district = await districtOf(db, s, q.district, false);
  const column = summaryColumn(q.column);
  if (!column) throw new AppError('VALIDATION_FAILED', {}, { column: () => q.column });
  const page = await drillSummary(db, s.cityCode, q.year, district, column, q.page, q.pageSize);
  return {
    column: column.key,
    source: column.source,
    sum: page.sum,
    total: page.total,
    items: page.items.map(({ districtNameEn, ...i }) => ({ ...i, districtName: locale === 'zh-CN' ? i.districtName : districtNameEn })),
  };
}

async function liveValues(db: Queryable, cityCode: string, year: number, districtCode: string) {
  const rows = await computeSummary(db, cityCode, year, districtCode);
  const row = rows.find((r) => r.districtCode === districtCode);
  if (!row) throw notFound(DISTRICT_ENTITY);
  return row;
}

export async function getSubmission(db: Queryable, actor: Actor, q: SubmissionQuery, locale: Locale): Promise<SubmissionDto> {
  const s = statsScope(actor);
  const district = (await districtOf(db, s, q.district, true)) ?? '';
  const [live, stored] = await Promise.all([liveValues(db, s.cityCode, q.year, district), subs.findSubmission(db, district, q.year)]);
  const history = stored ? await subs.listHistory(db, stored.id) : [];
  const state = stored?.state ?? null;
  const isDistrict = s.ownDistrict !== null && can(actor.role, 'statistics.submit');
  const editable = state === null || SUBMISSION_EDITABLE_STATES.includes(state);
  return {
    id: stored?.id ?? null,
    year: q.year,
    districtCode: district,
    districtName: nameOf(live, locale),
    state,
    mainPractices: stored?.mainPractices ?? null,
    problems: stored?.problems ?? null,
    nextSteps: stored?.nextSteps ?? null,
    snapshot: stored?.snapshot ?? null,
    live: live.values,
    diff: stored?.snapshot ? summaryDiff(stored.snapshot.values, live.values) : null,
    submittedAt: stored?.submittedAt ?? null,
    reviewedAt: stored?.reviewedAt ?? null,
    reviewComment: stored?.reviewComment ?? null,
    version: stored?.version ?? 0,
    history,
    abilities: {
      edit: isDistrict && editable,
      submit: isDistrict && editable,
      review: s.ownDistrict === null && can(actor.role, 'statistics.review') && state === 'submitted',
    },
  };
}

function ownDistrictOf(actor: Actor): StatsScope & { ownDistrict: string } {
  const s = statsScope(actor);
  if (!s.ownDistrict) throw new AppError('FORBIDDEN');
  return { ...s, ownDistrict: s.ownDistrict };
}

const stateConflict = (state: SubmissionState, action: { 'zh-CN': string; en: string }) =>
  new LocalizedError('SUMMARY_STATE_CONFLICT', { state: SUBMISSION_STATE_LABELS[state], action });

const ACTION_TEXT = {
  edit: { 'zh-CN': '修改', en: 'edited' },
  submit: { 'zh-CN': '报送', en: 'submitted' },
  accept: { 'zh-CN': '确认', en: 'accepted' },
  return: { 'zh-CN': '退回', en: 'returned' },
} as const;

/** Save the district's narrative (creating the draft); only while draft or returned. */
export async function saveNarrative(db: Db, actor: Actor, body: NarrativeBody, meta: RequestMeta, locale: Locale): Promise<SubmissionDto> {
  const s = ownDistrictOf(actor);
  await db.transaction(async (tx) => {
    const before = await subs.findSubmission(tx, s.ownDistrict, body.year, true);
    if (before && !SUBMISSION_EDITABLE_STATES.includes(before.state)) throw stateConflict(before.state, ACTION_TEXT.edit);
    const next = { mainPractices: body.mainPractices ?? null, problems: body.problems ?? null, nextSteps: body.nextSteps ?? null };
    const id = await subs.upsertNarrative(tx, { cityCode: s.cityCode, districtCode: s.ownDistrict, year: body.year, ...next });
    const prev = { mainPractices: before?.mainPractices ?? null, problems: before?.problems ?? null, nextSteps: before?.nextSteps ?? null };
    const changes = diff(prev, next);
    await recordAudit(tx, actor, meta, {
      action: 'summary.narrativeSaved',
      entityId: id,
      before: changes?.before ?? null,
      after: { year: body.year, districtCode: s.ownDistrict, ...(changes?.after ?? {}) },
    });
  });
  return getSubmission(db, actor, { year: body.year }, locale);
}

/** Submit (or resubmit after a return): freeze the live row as the snapshot, tell the city. */
export async function submit(db: Db, actor: Actor, body: SubmitBody, meta: RequestMeta, locale: Locale): Promise<SubmissionDto> {
  const s = ownDistrictOf(actor);
  await db.transaction(async (tx) => {
    const current = await subs.findSubmission(tx, s.ownDistrict, body.year, true);
    if (current && !SUBMISSION_EDITABLE_STATES.includes(current.state)) throw stateConflict(current.state, ACTION_TEXT.submit);
    const missing = NARRATIVE_FIELDS.filter((f) => !current?.[f]?.trim());
    if (!current || missing.length) {
      const labels = (l: Locale) => missing.map((f) => NARRATIVE_LABELS[f][l]).join(l === 'zh-CN' ? '、' : ', ');
      throw new LocalizedError(
        'SUMMARY_INCOMPLETE',
        { fields: { 'zh-CN': labels('zh-CN'), en: labels('en') } },
        Object.fromEntries(missing.map((f) => [f, (l: Locale) => (l === 'zh-CN' ? '报送前必须填写' : 'required before submitting')])),
      );
    }
    const live = await liveValues(tx, s.cityCode, body.year, s.ownDistrict);
    const snapshot: SummarySnapshot = { catalogueVersion: SUMMARY_CATALOGUE_VERSION, computedAt: new Date().toISOString(), values: live.values };
    if (!(await subs.changeState(tx, current.id, SUBMISSION_EDITABLE_STATES, { to: 'submitted', snapshot, userId: actor.userId }))) {
      throw stateConflict(current.state, ACTION_TEXT.submit);
    }
    const action = current.state === 'returned' ? 'resubmit' : 'submit';
    await subs.insertHistory(tx, {
      submissionId: current.id, action, from: current.state, to: 'submitted', comment: null, snapshot,
      userId: actor.userId, username: actor.username,
    });
    const cityOrg = await subs.bureauOrgId(tx, s.cityCode, null);
    if (cityOrg) {
      const again = action === 'resubmit';
      await insertNotifications(tx, [{
        orgId: cityOrg,
        kind: 'summary.submitted',
        titleZh: `${live.districtName}${again ? '重新' : ''}报送了${body.year}年度工作总结表（附件3）`,
        titleEn: `${live.districtNameEn} ${again ? 'resubmitted' : 'submitted'} its ${body.year} summary (Annex 3)`,
        bodyZh: '请审核并确认或退回。',
        bodyEn: 'Please review it and accept or return it.',
        link: `/statistics/summary?year=${body.year}&tab=submissions&district=${s.ownDistrict}`,
      }]);
    }
    await recordAudit(tx, actor, meta, {
      action: 'summary.submitted',
      entityId: current.id,
      before: { state: current.state },
      after: { state: 'submitted', year: body.year, districtCode: s.ownDistrict, resubmission: action === 'resubmit', snapshot: { ...snapshot.values } },
    });
  });
  return getSubmission(db, actor, { year: body.year }, locale);
}

/** The city accepts a submitted summary, or returns it with a comment; the district is told. */
export async function review(
  db: Db,
  actor: Actor,
  id: string,
  decision: { to: 'accepted'; body: ReviewBody } | { to: 'returned'; body: ReturnBody },
  meta: RequestMeta,
  locale: Locale,
): Promise<SubmissionDto> {
  const s = statsScope(actor);
  if (s.ownDistrict) throw new AppError('FORBIDDEN');
  const comment = decision.body.comment ?? null;
  const stored = await db.transaction(async (tx) => {
    const current = await subs.findSubmissionById(tx, s.cityCode, id, true);
    if (!current) throw notFound(SUBMISSION_ENTITY);
    const text = decision.to === 'accepted' ? ACTION_TEXT.accept : ACTION_TEXT.return;
    if (current.state !== 'submitted') throw stateConflict(current.state, text);
    if (!(await subs.changeState(tx, id, ['submitted'], { to: decision.to, comment, userId: actor.userId }))) {
      throw stateConflict(current.state, text);
    }
    await subs.insertHistory(tx, {
      submissionId: id, action: decision.to === 'accepted' ? 'accept' : 'return', from: 'submitted', to: decision.to,
      comment, snapshot: null, userId: actor.userId, username: actor.username,
    });
    const districtOrg = await subs.bureauOrgId(tx, s.cityCode, current.districtCode);
    if (districtOrg) {
      const accepted = decision.to === 'accepted';
      await insertNotifications(tx, [{
        orgId: districtOrg,
        kind: 'summary.reviewed',
        titleZh: `${current.year}年度工作总结表（附件3）${accepted ? '已由市局确认' : '被市局退回修改'}`,
        titleEn: `Your ${current.year} summary (Annex 3) was ${accepted ? 'accepted' : 'returned'} by the city`,
        bodyZh: comment ?? null,
        bodyEn: comment ?? null,
        link: `/statistics/summary?year=${current.year}&tab=submission`,
      }]);
    }
    await recordAudit(tx, actor, meta, {
      action: decision.to === 'accepted' ? 'summary.accepted' : 'summary.returned',
      entityId: id,
      before: { state: 'submitted' },
      after: { state: decision.to, year: current.year, districtCode: current.districtCode, comment },
    });
    return current;
  });
  return getSubmission(db, actor, { year: stored.year, district: stored.districtCode }, locale);
}

/** Per district: submission state, and whether it is overdue against the year's summary milestone. */
export async function overview(db: Queryable, actor: Actor, year: number, locale: Locale): Promise<SubmissionOverview> {
  const s = statsScope(actor);
  const [rows, milestones] = await Promise.all([
    subs.districtStatuses(db, s.cityCode, year, s.ownDistrict),
    subs.summaryMilestones(db, s.cityCode, year),
  ]);
  const milestone = milestones.find((m) => isSummaryMilestone(m.name, m.actorRole)) ?? null;
  const todayIso = today();
  const items = rows.map((r) => {
    const due = milestone?.dueOn ?? null;
    const overdue = due !== null && r.firstSubmittedOn === null && todayIso > due;
    const late = due !== null && r.firstSubmittedOn !== null && r.firstSubmittedOn > due;
    return {
      districtCode: r.districtCode,
      districtName: nameOf(r, locale),
      id: r.id,
      state: r.state,
      firstSubmittedAt: r.firstSubmittedAt,
      submittedAt: r.submittedAt,
      overdue,
      late,
    };
  });
  return {
    year,
    milestone: milestone ? { name: milestone.name, dueOn: milestone.dueOn } : null,
    items,
    counts: {
      submitted: items.filter((i) => i.state === 'submitted').length,
      accepted: items.filter((i) => i.state === 'accepted').length,
      overdue: items.filter((i) => i.overdue).length,
      total: items.length,
    },
  };
}
