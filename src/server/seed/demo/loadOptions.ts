import type { Tx } from '../../db/types';
import { insertOption, replaceBenefits, saveBaseline } from '../../modules/options/repository';
import { demoRoundOptions } from './demoOptions';

/**
 * The demo options and baselines, written through the options repository (the same SQL as the API)
 * inside the caller's seeding transaction, registered by the round's enterprise user when there is one.
 */
export async function seedDemoOptions(tx: Tx, orgIds: ReadonlyMap<string, string>): Promise<{ options: number }> {
  let count = 0;
  for (const demo of demoRoundOptions) {
    const enterpriseId = orgIds.get(demo.enterpriseKey);
    if (!enterpriseId) throw new Error(`demo enterprise ${demo.enterpriseKey} unknown`);
    const { rows } = await tx.query<{ id: string; cityCode: string; districtCode: string; userId: string | null }>(
      `SELECT r.id, r.city_code AS "cityCode", r.district_code AS "districtCode",
              (SELECT u.id FROM users u WHERE u.org_id = r.enterprise_id ORDER BY u.username LIMIT 1) AS "userId"
         FROM audit_rounds r WHERE r.enterprise_id = $1 AND r.listing_year = $2`,
      [enterpriseId, demo.year],
    );
    const round = rows[0];
    if (!round) throw new Error(`demo round ${demo.enterpriseKey} ${demo.year} missing`);
    await saveBaseline(tx, round, demo.baseline, round.userId);
    for (const o of demo.options) {
      const id = await insertOption(
        tx,
        round,
        {
          category: o.category,
          direction: o.direction,
          optionName: o.name,
          description: o.description,
          investment: o.investment,
          status: o.status,
          dropReason: o.status === 'dropped' ? '可行性分析结论为不可行（投资回收期超过10年）' : null,
          feasibility: o.feasibility,
          feasibilityNote: o.feasibility ? '技术、环境、经济可行性分析见审核报告第五章' : null,
          plannedEffectiveOn: o.actualEffectiveOn,
          actualEffectiveOn: o.actualEffectiveOn,
        },
        round.userId,
      );
      await replaceBenefits(tx, { id, roundId: round.id }, o.predicted, o.actual);
      count += 1;
    }
  }
  return { options: count };
}
