import type { ReminderEntry, ReminderListQuery } from '../../../shared/contracts/reminders';
import type { DataScope } from '../../../shared/domain/roles';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../shared/domain/reminders';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';
import { roundScope } from '../rounds/repository';

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface StoredSettings {
  settings: ReminderSettings;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The city's reminder settings, or the defaults when the city never edited them. */
export async function citySettings(db: Queryable, cityCode: string, forUpdate = false): Promise<StoredSettings> {
  const { rows } = await db.query<{ remindDays: number[]; escalateAfterDays: number; enabled: boolean; updatedAt: string; updatedBy: string | null }>(
    `SELECT s.remind_days AS "remindDays", s.escalate_after_days AS "escalateAfterDays", s.enabled,
            ${TS('s.updated_at')} AS "updatedAt", u.username AS "updatedBy"
       FROM reminder_settings s LEFT JOIN users u ON u.id = s.updated_by
      WHERE s.city_code = $1${forUpdate ? ' FOR UPDATE OF s' : ''}`,
    [cityCode],
  );
  const row = rows[0];
  if (!row) return { settings: { ...DEFAULT_REMINDER_SETTINGS, remindDays: [...DEFAULT_REMINDER_SETTINGS.remindDays] }, updatedAt: null, updatedBy: null };
  return {
    settings: { remindDays: row.remindDays.map(Number), escalateAfterDays: row.escalateAfterDays, enabled: row.enabled },
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function saveCitySettings(db: Queryable, cityCode: string, s: ReminderSettings, userId: string): Promise<void> {
  await db.query(
    `INSERT INTO reminder_settings (city_code, remind_days, escalate_after_days, enabled, updated_by)
     VALUES ($1, $2::int[], $3, $4, $5)
     ON CONFLICT (city_code) DO UPDATE SET remind_days = EXCLUDED.remind_days,
       escalate_after_days = EXCLUDED.escalate_after_days, enabled = EXCLUDED.enabled,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [cityCode, [...s.remindDays], s.escalateAfterDays, s.enabled, userId],
  );
}

/** Whether the round exists in the caller's scope. */
export async function roundInScope(db: Queryable, scope: DataScope, id: string): Promise<boolean> {
  const p = new Params();
  const { rows } = await db.query(`SELECT 1 FROM audit_rounds r WHERE r.id = ${p.add(id)} AND ${roundScope(scope, p)}`, p.values);
  return rows.length > 0;
}

/** The reminders, overdue notices and escalations sent about a round, newest first, with the recipients' names. */
export async function roundReminders(
  db: Queryable,
  roundId: string,
  q: ReminderListQuery,
  locale: 'zh-CN' | 'en',
): Promise<{ items: ReminderEntry[]; total: number }> {
  const p = new Params();
  const filter = `WHERE l.round_id = ${p.add(roundId)}`;
  const name = locale === 'zh-CN' ? 'o.name' : 'COALESCE(o.name_en, o.name)';
  return queryPage<ReminderEntry>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT l.id, l.deadline_kind AS "deadlineKind", to_char(l.due_on, 'YYYY-MM-DD') AS "dueOn", l.step,
            l.days_left AS "daysLeft", l.proposed_step AS "proposedStep",
            ARRAY(SELECT ${name} FROM unnest(l.recipient_org_ids) WITH ORDINALITY AS x(org, n)
                    JOIN organizations o ON o.id = x.org ORDER BY x.n) AS recipients,
            ${TS('l.sent_at')} AS "sentAt"
       FROM reminder_log l ${filter}
      ORDER BY l.sent_at DESC, l.days_left, l.step, l.id`,
    `SELECT count(*)::int AS total FROM reminder_log l ${filter}`,
  );
}
