import { DEADLINE_KIND_LABELS, localIsoDate, type DeadlineKind } from '../../../shared/domain/deadlines';
import type { NotificationKind } from '../../../shared/domain/notificationKinds';
import {
  DEFAULT_REMINDER_SETTINGS,
  PROPOSED_STEP_LABELS,
  REMINDER_TEXTS,
  ROLLOVER_AFTER_DAYS,
  watchedStates,
  type ProposedStep,
} from '../../../shared/domain/reminders';
import { interpolate, type Locale } from '../../../shared/i18n/locales';
import type { Db, SqlParam, Tx } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import { SYSTEM_ACTOR } from '../../platform/context';
import { insertNotifications, type NewNotification } from '../notifications/repository';
import { MILESTONE_STEPS_SQL, ROUND_STEPS_SQL } from './jobSql';

/** One run of the deadline engine per database at a time (transaction-level advisory lock). */
const DEADLINE_JOB_LOCK = 727_012;

/** A reminder_log row the run inserted, with what its notification texts need. */
export interface SentStep {
  id: string;
  targetId: string;
  deadlineKind: DeadlineKind | 'milestone';
  dueOn: string;
  step: string;
  daysLeft: number;
  proposedStep: ProposedStep | null;
  recipients: string[];
  targetName: string;
  year: number;
  link: string;
}

export interface DeadlineJobResult {
  /** Another run held the lock; this one did nothing. */
  skipped: boolean;
  /** Log rows written (reminders, overdue notices, escalations). */
  sent: number;
  notifications: number;
}

function kindOf(step: string): NotificationKind {
  if (step === 'overdue') return 'deadline.overdue';
  if (step === 'escalated') return 'deadline.escalated';
  return 'deadline.reminder';
}

function texts(s: SentStep, locale: Locale): { title: string; body: string } {
  const deadline = s.deadlineKind === 'milestone' ? REMINDER_TEXTS.milestone[locale] : DEADLINE_KIND_LABELS[s.deadlineKind][locale];
  const params = {
    name: s.targetName,
    deadline,
    due: s.dueOn,
    year: s.year,
    days: Math.abs(s.daysLeft),
    step: s.proposedStep ? PROPOSED_STEP_LABELS[s.proposedStep][locale] : '',
  };
  const which = s.step === 'overdue' ? 'overdue' : s.step === 'escalated' ? 'escalated' : 'remind';
  const title = interpolate(REMINDER_TEXTS[`${which}Title`][locale], params);
  let body = interpolate(REMINDER_TEXTS[`${which}Body`][locale], params);
  // Milestone overdue notices propose no statutory step: drop the sentence.
  if (!s.proposedStep) body = body.replace(/(建议下一步：|Proposed next step: )[。.]$/, '').trimEnd();
  return { title, body };
}

/** One in-app notification per recipient organisation of each inserted log row. */
export function notificationsFor(steps: readonly SentStep[]): NewNotification[] {
  return steps.flatMap((s) => {
    const zh = texts(s, 'zh-CN');
    const en = texts(s, 'en');
    return s.recipients.map((orgId) => ({
      orgId,
      kind: kindOf(s.step),
      roundId: s.deadlineKind === 'milestone' ? null : s.targetId,
      titleZh: zh.title,
      titleEn: en.title,
      bodyZh: zh.body,
      bodyEn: en.body,
      link: s.link,
    }));
  });
}

async function insertSteps(tx: Tx, sql: string, params: readonly SqlParam[]): Promise<SentStep[]> {
  const { rows } = await tx.query<SentStep>(sql, params);
  return rows;
}

/**
 * The deadline engine: reminders before each due date, overdue notices and escalations, for every
 * watched round and campaign milestone, as of `now` (dates are Asia/Shanghai dates). Set-based: two
 * statements write the log (each step exactly once, whatever runs at the same time), one writes the
 * notifications of the rows actually inserted, all in one transaction. A concurrent run on the same
 * database is skipped.
 */
export async function runDeadlineJob(db: Db, now: Date): Promise<DeadlineJobResult> {
  const today = localIsoDate(now);
  const watched = watchedStates();
  const d = DEFAULT_REMINDER_SETTINGS;
  const shared: SqlParam[] = [today, [...d.remindDays], d.escalateAfterDays, ROLLOVER_AFTER_DAYS, now];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [DEADLINE_JOB_LOCK]);
    if (!rows[0]?.locked) return { skipped: true, sent: 0, notifications: 0 };
    const rounds = await insertSteps(tx, ROUND_STEPS_SQL, [
      ...shared,
      watched.map((w) => w.state),
      watched.map((w) => w.kind),
      watched.map((w) => w.actor),
    ]);
    const milestones = await insertSteps(tx, MILESTONE_STEPS_SQL, [...shared, watched.map((w) => w.state)]);
    const sent = [...rounds, ...milestones];
    const ids = await insertNotifications(tx, notificationsFor(sent));
    if (sent.length) {
      await recordAudit(tx, SYSTEM_ACTOR, { ip: null, requestId: null }, {
        action: 'reminder.sent',
        entityId: today,
        after: {
          today,
          reminders: sent.filter((s) => s.step.startsWith('remind:')).length,
          overdue: sent.filter((s) => s.step === 'overdue').length,
          escalated: sent.filter((s) => s.step === 'escalated').length,
          notifications: ids.length,
        },
      });
    }
    return { skipped: false, sent: sent.length, notifications: ids.length };
  });
}
