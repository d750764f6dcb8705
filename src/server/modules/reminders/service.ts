import type { ReminderListQuery, ReminderPage, ReminderSettingsBody, ReminderSettingsDto } from '../../../shared/contracts/reminders';
import { can } from '../../../shared/domain/permissions';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { ROUND_ENTITY } from '../rounds/service';
import * as repo from './repository';

/** The city whose settings the caller reads or edits (city users only; routes are gated by action). */
function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

function dto(actor: Actor, cityCode: string, stored: repo.StoredSettings): ReminderSettingsDto {
  return {
    cityCode,
    settings: { ...stored.settings, remindDays: [...stored.settings.remindDays] },
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    abilities: { manage: can(actor.role, 'reminder.manage') },
  };
}

export async function getSettings(db: Queryable, actor: Actor): Promise<ReminderSettingsDto> {
  const cityCode = cityOf(actor);
  return dto(actor, cityCode, await repo.citySettings(db, cityCode));
}

/** Replace the city's reminder settings; the days are stored largest first. */
export async function saveSettings(db: Db, actor: Actor, body: ReminderSettingsBody, meta: RequestMeta): Promise<ReminderSettingsDto> {
  const cityCode = cityOf(actor);
  return db.transaction(async (tx) => {
    const before = await repo.citySettings(tx, cityCode, true);
    const next = { ...body, remindDays: [...body.remindDays].sort((a, b) => b - a) };
    await repo.saveCitySettings(tx, cityCode, next, actor.userId);
    const after = await repo.citySettings(tx, cityCode);
    const changes = diff({ ...before.settings }, { ...after.settings });
    await recordAudit(tx, actor, meta, {
      action: 'reminder.settingsUpdated',
      entityId: cityCode,
      ...(changes ?? { before: null, after: { ...after.settings, remindDays: [...after.settings.remindDays] } }),
    });
    return dto(actor, cityCode, after);
  });
}

/** Who was told what and when about a round (404 outside the caller's scope). */
export async function listRoundReminders(
  db: Queryable,
  actor: Actor,
  roundId: string,
  q: ReminderListQuery,
  locale: Locale,
): Promise<ReminderPage> {
  if (!(await repo.roundInScope(db, actor.scope, roundId))) throw notFound(ROUND_ENTITY);
  return repo.roundReminders(db, roundId, q, locale);
}
