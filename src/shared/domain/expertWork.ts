import type { Locale } from '../i18n/locales';
import { daysLeft, isIsoDate } from './deadlines';
import type { ScoreSheetKind } from './scoring';

/**
 * Expert work around a review panel (DOMAIN §5): the materials deadline before the review meeting, the
 * expert's due/overdue flags, the pre-review form's rules and the visibility of submitted pre-reviews.
 * Dates are calendar dates 'YYYY-MM-DD' (China time), computed in UTC so no time zone can shift them.
 */

type Text = Readonly<Record<Locale, string>>;

/** Working days between the material being available and the meeting, unless the city sets another number. */
export const DEFAULT_MATERIALS_LEAD_DAYS = 3;
export const MATERIALS_LEAD_DAYS_LIMITS = { min: 0, max: 20 } as const;
/** An expert's open work is "due soon" this many calendar days before the meeting. */
export const DUE_SOON_DAYS = 3;

const DAY_MS = 86_400_000;

function toUtc(isoDate: string): Date {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a calendar date 'YYYY-MM-DD': "${isoDate}"`);
  return new Date(`${isoDate}T00:00:00Z`);
}

const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

/** Saturday and Sunday are not working days (public holidays are not modelled). */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = toUtc(isoDate).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day before `isoDate` (Saturdays and Sundays do not count): 3 before Thursday is Monday,
 * 3 before Monday the previous Wednesday, 3 before a Saturday the Wednesday. n = 0 gives the date itself.
 */
export function subtractWorkingDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`subtractWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let d = toUtc(isoDate);
  for (let left = n; left > 0; ) {
    d = new Date(d.getTime() - DAY_MS);
    if (isWorkingDay(fromUtc(d))) left -= 1;
  }
  return fromUtc(d);
}

/** The materials deadline of a review meeting: `leadDays` working days before it (null without a meeting). */
export function materialsDeadline(meetingOn: string | null, leadDays: number = DEFAULT_MATERIALS_LEAD_DAYS): string | null {
  return meetingOn === null ? null : subtractWorkingDays(meetingOn, leadDays);
}

export function validateLeadDays(n: number): 'notInteger' | 'outOfRange' | null {
  if (!Number.isInteger(n)) return 'notInteger';
  return n < MATERIALS_LEAD_DAYS_LIMITS.min || n > MATERIALS_LEAD_DAYS_LIMITS.max ? 'outOfRange' : null;
}

/** The material the experts need before the meeting, per review kind (the report for an evaluation is a report version). */
export const MATERIAL_ITEMS = {
  evaluation: ['report', 'evaluation_evidence', 'capacity_proof'],
  acceptance: ['acceptance_report', 'monitoring_before', 'monitoring_after'],
} as const satisfies Record<ScoreSheetKind, readonly string[]>;
export type MaterialItem = (typeof MATERIAL_ITEMS)[ScoreSheetKind][number];

export const MATERIALS_STATUSES = ['unscheduled', 'inTime', 'late', 'pending', 'missing'] as const;
export type MaterialsStatus = (typeof MATERIALS_STATUSES)[number];

/**
 * Whether the material was made available in time: `availableOn` is the day the last required item
 * arrived (null while one is missing). inTime / late once available; pending (deadline ahead) or missing
 * (deadline passed) while not; unscheduled without a meeting.
 */
export function materialsStatus(due: string | null, availableOn: string | null, today: string): MaterialsStatus {
  if (due === null) return 'unscheduled';
  if (availableOn !== null) return availableOn <= due ? 'inTime' : 'late';
  return daysLeft(due, today) < 0 ? 'missing' : 'pending';
}

/**
 * An expert's flags on an assignment: work still open (pre-review or scores not submitted) is overdue once
 * the meeting day has passed and due soon within DUE_SOON_DAYS before it. Nothing is flagged once the panel
 * decided, for a member who declared a conflict, or without a meeting date.
 */
export function assignmentFlags(input: {
  meetingOn: string | null;
  today: string;
  decided: boolean;
  conflict: boolean;
  workOpen: boolean;
}): { overdue: boolean; dueSoon: boolean } {
  if (input.meetingOn === null || input.decided || input.conflict || !input.workOpen) return { overdue: false, dueSoon: false };
  const left = daysLeft(input.meetingOn, input.today);
  return { overdue: left < 0, dueSoon: left >= 0 && left <= DUE_SOON_DAYS };
}

/**
 * Who sees the submitted pre-reviews of a panel besides their authors: the other members and the bureau
 * (district of the round, the city) once the review meeting day has come, or the panel has decided. Before
 * that each expert forms an independent opinion. Drafts are never shown to anyone but their author.
 */
export function preReviewsVisible(input: { meetingOn: string | null; decided: boolean; today: string }): boolean {
  return input.decided || (input.meetingOn !== null && input.meetingOn <= input.today);
}

/** The pre-review form (预审意见表): text fields, and the preliminary conclusion among the grades of the kind. */
export const PRE_REVIEW_TEXT_FIELDS = ['overallImpression', 'mainProblems', 'questions', 'suggestedRevisions'] as const;
export type PreReviewTextField = (typeof PRE_REVIEW_TEXT_FIELDS)[number];
/** Required on submission (questions for the enterprise may be none). */
export const PRE_REVIEW_REQUIRED = ['overallImpression', 'mainProblems', 'suggestedRevisions', 'preliminaryConclusion'] as const;

export const PRE_REVIEW_CONCLUSIONS = {
  evaluation: ['pass', 'pass_with_revision', 'fail'],
  acceptance: ['accepted', 'rejected'],
} as const satisfies Record<ScoreSheetKind, readonly string[]>;

export const PRE_REVIEW_FIELD_LABELS = {
  overallImpression: { 'zh-CN': '总体评价', en: 'Overall impression' },
  mainProblems: { 'zh-CN': '主要问题', en: 'Main problems' },
  questions: { 'zh-CN': '需企业说明的问题', en: 'Questions for the enterprise' },
  suggestedRevisions: { 'zh-CN': '修改建议', en: 'Suggested revisions' },
  preliminaryConclusion: { 'zh-CN': '初步结论', en: 'Preliminary conclusion' },
} as const satisfies Record<PreReviewTextField | 'preliminaryConclusion', Text>;

export type PreReviewProblem = 'required' | 'conclusionOfOtherKind';

/** Problems of a pre-review, per field: a submission needs every required field; a conclusion must fit the kind. */
export function preReviewProblems(
  kind: ScoreSheetKind,
  form: Partial<Record<PreReviewTextField, string | null>> & { preliminaryConclusion?: string | null },
  submit: boolean,
): Partial<Record<PreReviewTextField | 'preliminaryConclusion', PreReviewProblem>> {
  const problems: Partial<Record<PreReviewTextField | 'preliminaryConclusion', PreReviewProblem>> = {};
  const conclusion = form.preliminaryConclusion ?? null;
  if (conclusion !== null && !(PRE_REVIEW_CONCLUSIONS[kind] as readonly string[]).includes(conclusion)) {
    problems.preliminaryConclusion = 'conclusionOfOtherKind';
  }
  if (submit) {
    for (const field of PRE_REVIEW_REQUIRED) {
      const value = form[field];
      if (value === null || value === undefined || value.trim() === '') problems[field] ??= 'required';
    }
  }
  return problems;
}

export const PRE_REVIEW_PROBLEM_MESSAGES = {
  required: { 'zh-CN': '提交时必须填写', en: 'is required to submit' },
  conclusionOfOtherKind: { 'zh-CN': '不是本类评审的结论', en: 'is not a conclusion of this kind of review' },
} as const satisfies Record<PreReviewProblem, Text>;

/** A typed signature matches the account's name when equal after trimming and collapsing inner spaces (case-insensitive). */
export function signatureMatches(typed: string, displayName: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(typed) !== '' && norm(typed) === norm(displayName);
}

/** The rating scale of the district's rating of an expert's work. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
