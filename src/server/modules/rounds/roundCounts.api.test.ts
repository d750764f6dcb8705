import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestContext } from '../../../../test/helpers/app';

/**
 * audit_round_counts (migration 0022) is kept by triggers in the transaction of every change of audit_rounds; the
 * round list sums it for its total when every filter is one of its keys. These tests hold it to the rows.
 */

let t: TestContext;
let city: Client;
let yubei: Client;

/** Buckets whose kept count differs from the rows (zero buckets left behind by moves are equal to no rows). */
async function drift(): Promise<unknown[]> {
  const { rows } = await t.db.query(
    `SELECT COALESCE(c.city_code, r.city_code) AS city, COALESCE(c.district_code, r.district_code) AS district,
            COALESCE(c.listing_year, r.listing_year) AS year, COALESCE(c.state, r.state) AS state,
            COALESCE(c.n, 0)::int AS kept, COALESCE(r.n, 0)::int AS actual
       FROM audit_round_counts c
       FULL JOIN (SELECT city_code, district_code, listing_year, campaign_id, state, count(*) AS n
                    FROM audit_rounds GROUP BY city_code, district_code, listing_year, campaign_id, state) r
         ON (r.city_code, r.district_code, r.listing_year, r.campaign_id, r.state)
          = (c.city_code, c.district_code, c.listing_year, c.campaign_id, c.state)
      WHERE COALESCE(c.n, 0) <> COALESCE(r.n, 0)`,
  );
  return rows;
}

async function countOf(sqlWhere: string, params: (string | number)[]): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_rounds r WHERE ${sqlWhere}`, params);
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  city = await signIn(t.app, 'city');
  yubei = await signIn(t.app, 'yubei');
});
afterAll(async () => t.close());

describe('audit_round_counts', () => {
  it('matches the demo rounds, which are not empty', async () => {
    expect(await countOf('true', [])).toBeGreaterThan(5);
    expect(await drift()).toEqual([]);
  });

  it('follows inserts, multi-row state changes, moves between districts, unrelated updates and deletes', async () => {
    const { rows } = await t.db.query<{ id: string; state: string; district_code: string }>(
      `SELECT id, state, district_code FROM audit_rounds ORDER BY listing_year, id LIMIT 3`,
    );
    expect(rows.length).toBe(3);
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE audit_rounds SET state = 'withdrawn' WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      await tx.query(`UPDATE audit_rounds SET updated_at = now()`);
      await tx.query(`UPDATE audit_rounds SET district_code = '500112' WHERE id = $1`, [rows[0]?.id ?? '']);
    });
    expect(await drift()).toEqual([]);
    // A rolled-back change leaves the counts as they were.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`UPDATE audit_rounds SET state = 'closed' WHERE id = $1`, [rows[1]?.id ?? '']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await drift()).toEqual([]);
    // Insert and delete (a copy of a round for a year no demo round uses).
    await t.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO audit_rounds (enterprise_id, campaign_id, listing_year, reasons, state, city_code, district_code)
         SELECT enterprise_id, campaign_id, 2099, reasons, 'listed', city_code, district_code FROM audit_rounds WHERE id = $1`,
        [rows[2]?.id ?? ''],
      );
    });
    expect(await drift()).toEqual([]);
    await t.db.query(`DELETE FROM audit_rounds WHERE listing_year = 2099`);
    expect(await drift()).toEqual([]);
  });

  it('gives the list the same totals as counting the rows, in the city and a district scope', async () => {
    const { rows } = await t.db.query<{ listing_year: number; state: string }>(
      `SELECT listing_year, state FROM audit_rounds WHERE city_code = '500000' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const year = rows[0]?.listing_year ?? 0;
    const state = rows[0]?.state ?? '';
    const cases: [Client, string, string, (string | number)[]][] = [
      [city, '', `city_code = '500000'`, []],
      [city, `listingYear=${year}`, `city_code = '500000' AND listing_year = $1`, [year]],
      [city, `listingYear=${year}&state=${state}`, `city_code = '500000' AND listing_year = $1 AND state = $2`, [year, state]],
      [city, 'districtCode=500112', `city_code = '500000' AND district_code = '500112'`, []],
      [yubei, '', `district_code = '500112'`, []],
      [yubei, `state=${state}`, `district_code = '500112' AND state = $1`, [state]],
    ];
    for (const [client, query, where, params] of cases) {
      const res = await client.get(`/api/rounds?${query}`);
      expect(res.statusCode, query).toBe(200);
      const expected = await countOf(where, params);
      expect(res.json<{ total: number }>().total, `${query} as ${client === city ? 'city' : 'yubei'}`).toBe(expected);
    }
    expect(await countOf(`district_code = '500112'`, [])).toBeGreaterThan(0);
  });
});
