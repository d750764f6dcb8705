import { addMonths, nextDeadline, roundDeadlines } from '../../../shared/domain/deadlines';
import type { Role } from '../../../shared/domain/roles';
import { resolveTarget, transitionDef, type RoundState } from '../../../shared/domain/roundStates';
import type { Tx } from '../../db/types';
import { insertCampaign } from '../../modules/campaigns/repository';
import { insertPlanEntry, publishApprovedEntries, reviewPlanEntry } from '../../modules/rounds/planRepository';
import { insertEngagement, setAuditMode } from '../../modules/rounds/materialRepository';
import { changeState, insertHistory, type HistoryActor } from '../../modules/rounds/repository';
import { CHONGQING_CODE } from '../reference/regions';
import { demoEnterprises } from './demoData';
import { demoCampaigns, demoPlanEntries, demoRounds, type DemoRound } from './demoRounds';
import { seedDemoOpinion } from './demoOpinions';

interface SeedUser {
  id: string;
  username: string;
  role: Role;
  orgId: string;
  districtCode: string | null;
}

const SYSTEM: HistoryActor = { userId: null, username: 'system', role: null };

/** Demo rounds audited with the consulting agency 'agency_lvyuan' (agency1 sees them); the others self-audit. */
const AGENCY_KEY = 'agency_lvyuan';
const ENGAGED_ROUNDS = new Set(['ent_qijiang_ruifeng_cement:2020', 'ent_changshou_changhua_chem:2021']);
const at = (date: string) => `${date}T09:30:00+08:00`;

/** The demo user who would have fired a step: the city, the round's district bureau or the enterprise. */
function actorFor(users: readonly SeedUser[], roles: readonly Role[], districtCode: string, enterpriseId: string): HistoryActor {
  const user = users.find(
    (u) =>
      roles.includes(u.role) &&
      (u.role === 'city_staff' ||
        (u.role === 'district_staff' && u.districtCode === districtCode) ||
        (u.role === 'enterprise_user' && u.orgId === enterpriseId)),
  );
  return user ? { userId: user.id, username: user.username, role: user.role } : SYSTEM;
}

async function walk(
  tx: Tx,
  users: readonly SeedUser[],
  round: { id: string; districtCode: string; enterpriseId: string },
  demo: DemoRound,
  agencyId: string,
  publishedOn: string,
  deadlines: ReturnType<typeof roundDeadlines>,
  acceptanceMonths: number,
): Promise<void> {
  let state: RoundState = 'listed';
  let acceptance: string | null = null;
  let last = publishedOn;
  for (const step of demo.steps) {
    if (step.on < last) throw new Error(`demo round ${demo.enterpriseKey}: ${step.transition} on ${step.on} goes back in time`);
    last = step.on;
    const def = transitionDef(step.transition);
    if (!def.from.includes(state)) throw new Error(`demo round ${demo.enterpriseKey}: ${step.transition} from ${state}`);
    const to = resolveTarget(step.transition, step.grade);
    const evaluation =
      step.transition === 'recordEvaluation' && to === 'evaluated'
        ? { passedOn: step.on, acceptanceDue: addMonths(step.on, acceptanceMonths) }
        : undefined;
    if (evaluation) acceptance = evaluation.acceptanceDue;
    const next = nextDeadline(to, { ...deadlines, acceptance });
    const version = await changeState(tx, round.id, { from: state, to, nextDueOn: next?.due ?? null, evaluation });
    if (version === null) throw new Error(`demo round ${demo.enterpriseKey}: state changed underneath`);
    const actor = actorFor(users, def.roles, round.districtCode, round.enterpriseId);
    await insertHistory(tx, [round.id], actor, {
      transition: step.transition,
      from: state,
      to,
      comment: step.comment ?? null,
      occurredAt: at(step.on),
    });
    if (step.transition === 'recordEvaluation' || step.transition === 'recordAcceptance') {
      await seedDemoOpinion(tx, round, step, actor.userId, evaluation?.acceptanceDue ?? null);
    }
    if (step.transition === 'startAudit') {
      // The audit mode is declared when the audit starts (the guard 'auditModeChosen').
      if (ENGAGED_ROUNDS.has(`${demo.enterpriseKey}:${demo.year}`)) {
        await insertEngagement(tx, { id: round.id, cityCode: CHONGQING_CODE, districtCode: round.districtCode }, agencyId, actor.userId, at(step.on));
        await setAuditMode(tx, round.id, 'agency');
      } else {
        await setAuditMode(tx, round.id, 'self');
      }
    }
    state = to;
  }
}

/**
 * Campaigns, plan entries and rounds of the demo data set, written through the modules' repositories
 * (the same SQL as the API) inside the caller's seeding transaction. Returns the counts for the audit event.
 */
export async function seedDemoRounds(
  tx: Tx,
  orgIds: ReadonlyMap<string, string>,
): Promise<{ campaigns: number; rounds: number; planEntries: number }> {
  const { rows: users } = await tx.query<SeedUser>(
    `SELECT u.id, u.username, u.role, u.org_id AS "orgId", o.district_code AS "districtCode"
       FROM users u JOIN organizations o ON o.id = u.org_id ORDER BY u.username`,
  );
  const city = actorFor(users, ['city_staff'], '', '');
  const enterprise = (key: string) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`demo enterprise ${key} unknown`);
    return id;
  };
  const districtOf = (key: string) => {
    const code = demoEnterprises.find((e) => e.key === key)?.districtCode;
    if (!code) throw new Error(`demo enterprise ${key} has no district`);
    return code;
  };

  let rounds = 0;
  for (const campaign of demoCampaigns) {
    const { publishedOn, ...input } = campaign;
    const campaignId = await insertCampaign(tx, CHONGQING_CODE, input);
    if (!publishedOn) continue;
    const planned = demoRounds.filter((r) => r.year === campaign.year);
    for (const r of planned) {
      const enterpriseId = enterprise(r.enterpriseKey);
      const entryId = await insertPlanEntry(tx, {
        enterpriseId,
        plannedYear: r.year,
        reasons: r.reasons,
        reasonDetails: r.reasonDetails,
        cityCode: CHONGQING_CODE,
        districtCode: districtOf(r.enterpriseKey),
        proposedBy: null,
      });
      await reviewPlanEntry(tx, entryId, { from: ['proposed'], to: 'approved', rejectReason: null, reviewedBy: city.userId });
    }
    const deadlines = roundDeadlines({ listPublishedOn: publishedOn, rules: input.deadlineRules });
    const created = await publishApprovedEntries(tx, {
      campaignId,
      cityCode: CHONGQING_CODE,
      year: campaign.year,
      publishedOn,
      deadlines,
    });
    await insertHistory(tx, created.map((c) => c.id), city, {
      transition: 'publish',
      from: 'plan_approved',
      to: 'listed',
      comment: null,
      occurredAt: at(publishedOn),
    });
    for (const round of created) {
      const demo = planned.find((r) => enterprise(r.enterpriseKey) === round.enterpriseId);
      if (!demo) throw new Error(`published round ${round.id} has no demo definition`);
      await walk(tx, users, round, demo, enterprise(AGENCY_KEY), publishedOn, deadlines, input.deadlineRules.acceptanceMonthsAfterEvaluation);
    }
    rounds += created.length;
  }

  for (const entry of demoPlanEntries) {
    const enterpriseId = enterprise(entry.enterpriseKey);
    const districtCode = districtOf(entry.enterpriseKey);
    const proposer = actorFor(users, ['district_staff'], districtCode, enterpriseId);
    const id = await insertPlanEntry(tx, {
      enterpriseId,
      plannedYear: entry.year,
      reasons: entry.reasons,
      reasonDetails: entry.reasonDetails,
      lastAuditOn: entry.lastAuditOn,
      cityCode: CHONGQING_CODE,
      districtCode,
      proposedBy: proposer.userId,
    });
    if (entry.review) {
      await reviewPlanEntry(tx, id, {
        from: ['proposed'],
        to: entry.review.decision,
        rejectReason: entry.review.decision === 'rejected' ? entry.review.reason : null,
        reviewedBy: city.userId,
      });
    }
  }
  return { campaigns: demoCampaigns.length, rounds, planEntries: demoPlanEntries.length };
}
