import type { OptionRulesBody, OptionRulesDto } from '../../../shared/contracts/options';
import type { OptionRules } from '../../../shared/domain/options';
import { can } from '../../../shared/domain/permissions';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as repo from './repository';

/** The city whose rules the caller reads or edits (bureau users only; routes are gated by action). */
function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city' || actor.scope.kind === 'district') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

function dto(actor: Actor, cityCode: string, stored: repo.StoredRules): OptionRulesDto {
  return {
    cityCode,
    rules: stored.rules,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    abilities: { manage: can(actor.role, 'optionRules.manage') },
  };
}

export async function getRules(db: Queryable, actor: Actor): Promise<OptionRulesDto> {
  const cityCode = cityOf(actor);
  return dto(actor, cityCode, await repo.cityRules(db, cityCode));
}

/** Replace the city's option quality rules (every rule is written, one row each). */
export async function saveRules(db: Db, actor: Actor, body: OptionRulesBody, meta: RequestMeta): Promise<OptionRulesDto> {
  const cityCode = cityOf(actor);
  return db.transaction(async (tx) => {
    const before = await repo.cityRules(tx, cityCode);
    const next: OptionRules = body;
    await repo.saveCityRules(tx, cityCode, next, actor.userId);
    const after = await repo.cityRules(tx, cityCode);
    const changes = diff(before.rules, after.rules);
    await recordAudit(tx, actor, meta, {
      action: 'optionRules.updated',
      entityId: cityCode,
      ...(changes ?? { before: null, after: after.rules }),
    });
    return dto(actor, cityCode, after);
  });
}
