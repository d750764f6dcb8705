import type { Tx } from '../../db/types';
import { notifyListPublished, notifyResultPublished } from '../../modules/notifications/service';

/**
 * Demo result batches and notifications: the demo rounds closed by 'publishResult' are grouped into one
 * batch per publication day (as the city would have published them), and every listed enterprise gets
 * the in-app notifications the list and result publications send. Runs inside the seeding transaction.
 */
export async function seedDemoResults(tx: Tx): Promise<{ resultBatches: number; notifications: number }> {
  const { rows: days } = await tx.query<{ cityCode: string; day: string; ids: string[]; userId: string | null }>(
    `SELECT r.city_code AS "cityCode", to_char((h.occurred_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day,
            array_agg(r.id ORDER BY r.id)::text[] AS ids, min(h.actor_user_id::text) AS "userId"
       FROM audit_rounds r
       JOIN round_history h ON h.round_id = r.id AND h.transition = 'publishResult'
      WHERE r.state = 'closed' AND r.result_batch_id IS NULL
      GROUP BY 1, 2 ORDER BY 2`,
  );
  let notifications = 0;
  for (const [i, d] of days.entries()) {
    const title = `${d.day.slice(0, 4)}年第${i + 1 === 1 ? '一' : String(i + 1)}批清洁生产审核验收结果`;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO result_batches (city_code, title, published_on, created_by, created_at)
       VALUES ($1, $2, $3::date, $4, ($3::date + time '09:30') AT TIME ZONE 'Asia/Shanghai') RETURNING id`,
      [d.cityCode, title, d.day, d.userId],
    );
    await tx.query('UPDATE audit_rounds SET result_batch_id = $1 WHERE id = ANY($2::uuid[])', [rows[0]?.id ?? null, d.ids]);
    notifications += await notifyResultPublished(tx, d.ids, { title, publishedOn: d.day });
  }

  const { rows: lists } = await tx.query<{
    year: number; publishedOn: string; disclose: string; start: string; report: string; ids: string[];
  }>(
    `SELECT listing_year AS year, to_char(list_published_on, 'YYYY-MM-DD') AS "publishedOn",
            to_char(disclose_due, 'YYYY-MM-DD') AS disclose, to_char(start_due, 'YYYY-MM-DD') AS start,
            to_char(report_due, 'YYYY-MM-DD') AS report, array_agg(id ORDER BY id)::text[] AS ids
       FROM audit_rounds WHERE list_published_on IS NOT NULL AND disclose_due IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1`,
  );
  for (const l of lists) {
    notifications += await notifyListPublished(tx, l.ids, {
      year: l.year,
      publishedOn: l.publishedOn,
      dueDates: { disclose: l.disclose, start: l.start, report: l.report },
    });
  }
  // Notifications of years long past are read; the latest year's stay unread.
  await tx.query(
    `UPDATE notifications n SET read_at = n.created_at
       FROM audit_rounds r WHERE r.id = n.round_id AND r.listing_year < (SELECT max(listing_year) FROM audit_rounds)`,
  );
  return { resultBatches: days.length, notifications };
}
