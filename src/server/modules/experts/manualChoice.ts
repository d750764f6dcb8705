import { localIsoDate } from '../../../shared/domain/deadlines';
import type { ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import * as repo from './drawRepository';

/**
 * A manual choice (initial panel or replacement) inside the caller's transaction: the record shows the reason and who
 * was chosen, with no seed. Called by the reviews module's manual endpoints.
 */
export async function recordManualChoice(
  tx: Queryable,
  actor: Actor,
  meta: RequestMeta,
  m: {
    roundId: string;
    panelId: string;
    kind: ScoreSheetKind;
    replacedUserId: string | null;
    chosen: readonly string[];
    reason: string;
    cityCode: string;
    districtCode: string;
  },
): Promise<string> {
  const drawId = await repo.insertDraw(tx, {
    roundId: m.roundId,
    kind: m.kind,
    purpose: m.replacedUserId ? 'replacement' : 'initial',
    replacedUserId: m.replacedUserId,
    size: m.chosen.length,
    requiredIndustries: [],
    requiredExpertise: [],
    reviewOn: localIsoDate(new Date()),
    criteria: { agencyLookbackMonths: 0, maxOpenPanels: 0, agencyName: null },
    candidates: [],
    exclusions: [],
    seedHash: null,
    manualReason: m.reason,
    createdBy: actor.userId,
    cityCode: m.cityCode,
    districtCode: m.districtCode,
  });
  await repo.executeDraw(tx, drawId, null, m.chosen, m.panelId);
  await recordAudit(tx, actor, meta, {
    action: 'panelDraw.manualChoice',
    entityId: drawId,
    after: { roundId: m.roundId, panelId: m.panelId, reason: m.reason, chosen: [...m.chosen], replacedUserId: m.replacedUserId },
  });
  return drawId;
}
