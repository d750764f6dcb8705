import type { Db } from '../../src/server/db/types';
import type { RoundState } from '../../src/shared/domain/roundStates';
import type { Client } from './app';
import { createEnterprise } from './factories';

let nextYear = 2070;

/**
 * A round of a new enterprise of `districtCode`, registered through the API by `bureau`, then written by test-only
 * SQL straight into `state` (under the demo 2021 campaign), with a history row into `state` dated `at`. Spot-check
 * and similarity suites need many rounds in late states; the steps that lead there are covered by other suites.
 */
export async function roundAt(
  db: Db,
  bureau: Client,
  districtCode: string,
  state: RoundState,
  at: string,
): Promise<{ roundId: string; enterpriseId: string; enterpriseName: string }> {
  const enterprise = await createEnterprise(bureau, { districtCode });
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, list_published_on, city_code, district_code)
     SELECT $1, c.id, $2, ARRAY['key_industry'], $3, '2021-02-26', c.city_code, $4 FROM campaigns c WHERE c.year = 2021
     RETURNING id`,
    [enterprise.id, nextYear++, state, districtCode],
  );
  const roundId = rows[0]?.id;
  if (!roundId) throw new Error('round not created');
  await db.query(
    `INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, comment, occurred_at)
     SELECT id, city_code, district_code, 'testShortcut', NULL, $2, 'test-only state', $3::timestamptz FROM audit_rounds WHERE id = $1`,
    [roundId, state, at],
  );
  return { roundId, enterpriseId: enterprise.id, enterpriseName: enterprise.name };
}

/** Test-only: engage an agency organisation for a round (active engagement). */
export async function engage(db: Db, roundId: string, agencyId: string): Promise<void> {
  await db.query(
    `INSERT INTO round_engagements (round_id, agency_id, city_code, district_code)
     SELECT id, $2, city_code, district_code FROM audit_rounds WHERE id = $1`,
    [roundId, agencyId],
  );
}
