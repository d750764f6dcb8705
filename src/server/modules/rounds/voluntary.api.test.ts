import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import type { SummaryDto } from '../../../shared/contracts/statistics';
import { auditEventsOf, createTestApp, orgIdOf, signIn, type Client, type TestContext } from '../../../../test/helpers/app';

let t: TestContext;
let yubei: Client;
let roundId: string;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  yubei = await signIn(t.app, 'yubei');
  const { rows } = await t.db.query<{ id: string; year: number }>(
    `SELECT id, listing_year AS year FROM audit_rounds WHERE enterprise_id = $1 AND NOT voluntary
      AND state NOT IN ('withdrawn', 'plan_proposed', 'plan_approved', 'plan_rejected') ORDER BY listing_year LIMIT 1`,
    [await orgIdOf(t.db, 'ent1')],
  );
  roundId = rows[0]!.id;
  year = rows[0]!.year;
});
afterAll(async () => t.close());

const mark = (client: Client, voluntary: unknown) => client.send('PUT', `/api/rounds/${roundId}/voluntary`, { voluntary });

async function voluntaryInYubei(): Promise<number> {
  const res = await yubei.get(`/api/statistics/summary?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SummaryDto>().rows.find((r) => r.districtCode === '500112')!.values.voluntary!;
}

describe('voluntary audit marker', () => {
  it('is set by the district, audited once, shown on the round and counted in the 附件3 table', async () => {
    const before = await voluntaryInYubei();
    const events = await auditEventsOf(t.db, async () => {
      const res = await mark(yubei, true);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RoundDetail>().voluntary).toBe(true);
      // The same value again changes nothing and records nothing.
      expect((await mark(yubei, true)).statusCode).toBe(200);
    });
    expect(events.map((e) => [e.action, e.entity_id, e.after])).toEqual([['round.voluntaryMarked', roundId, { voluntary: true }]]);
    expect(await voluntaryInYubei()).toBe(before + 1);
    expect((await yubei.get(`/api/rounds/${roundId}`)).json<RoundDetail>().voluntary).toBe(true);
    expect((await mark(yubei, false)).json<RoundDetail>().voluntary).toBe(false);
    expect(await voluntaryInYubei()).toBe(before);
  });

  it('refuses bad input, other districts and roles without the right, writing nothing', async () => {
    const bad = await mark(yubei, 'yes');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('voluntary');
    const jiangbei = await signIn(t.app, 'jiangbei');
    expect((await mark(jiangbei, true)).statusCode).toBe(404);
    for (const username of ['ent1', 'agency1', 'expert1']) {
      expect((await mark(await signIn(t.app, username), true)).statusCode, username).toBe(403);
    }
    const { rows } = await t.db.query<{ voluntary: boolean }>('SELECT voluntary FROM audit_rounds WHERE id = $1', [roundId]);
    expect(rows[0]!.voluntary).toBe(false);
  });
});
