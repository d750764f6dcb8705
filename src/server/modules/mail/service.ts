import type {
  MailMessageDetail,
  MailOutboxPage,
  MailOutboxQuery,
  MailPreferences,
  MailPreferencesInput,
} from '../../../shared/contracts/mail';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import * as repo from './repository';

export const MAIL_ENTITY = { 'zh-CN': '邮件', en: 'E-mail' } as const;

/** Administrators see the outbox of their city. */
function cityOf(actor: Actor): string {
  if (actor.scope.kind !== 'city') throw new AppError('FORBIDDEN');
  return actor.scope.cityCode;
}

export function listOutbox(db: Db, actor: Actor, query: MailOutboxQuery): Promise<MailOutboxPage> {
  return repo.listOutbox(db, cityOf(actor), query);
}

export async function getMessage(db: Db, actor: Actor, id: string): Promise<MailMessageDetail> {
  const message = await repo.findMessage(db, cityOf(actor), id);
  if (!message) throw notFound(MAIL_ENTITY);
  return message;
}

/** "Retry now" for a failed message (409 for any other status), audited. */
export async function retryMessage(db: Db, actor: Actor, id: string, meta: RequestMeta): Promise<MailMessageDetail> {
  const city = cityOf(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findMessage(tx, city, id, true);
    if (!before) throw notFound(MAIL_ENTITY);
    if (before.status !== 'failed') throw new AppError('MAIL_NOT_FAILED', { status: before.status });
    await repo.retryNow(tx, id);
    const after = await repo.findMessage(tx, city, id);
    if (!after) throw notFound(MAIL_ENTITY);
    await recordAudit(tx, actor, meta, {
      action: 'mail.retried',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status, recipient: after.recipient },
    });
    return after;
  });
}

export function myPreferences(db: Db, actor: Actor): Promise<MailPreferences> {
  return repo.getPreferences(db, actor.userId);
}

export async function saveMyPreferences(db: Db, actor: Actor, input: MailPreferencesInput, meta: RequestMeta): Promise<MailPreferences> {
  return db.transaction(async (tx) => {
    const before = await repo.getPreferences(tx, actor.userId);
    await repo.savePreferences(tx, actor.userId, input.emailKinds, input.dailyDigest);
    const after = await repo.getPreferences(tx, actor.userId);
    const changed =
      before.dailyDigest !== after.dailyDigest || before.emailKinds.join(',') !== after.emailKinds.join(',');
    if (changed) {
      await recordAudit(tx, actor, meta, {
        action: 'mail.preferencesUpdated',
        entityId: actor.userId,
        before: { emailKinds: before.emailKinds, dailyDigest: before.dailyDigest },
        after: { emailKinds: after.emailKinds, dailyDigest: after.dailyDigest },
      });
    }
    return after;
  });
}
