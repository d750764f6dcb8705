import type { Tx } from '../../db/types';

/**
 * Expert work on the decided demo panels (set-based, idempotent): each active member's submitted pre-review and
 * signature of the panel's result, and the district's rating of each member (by the user who formed the panel).
 */
export async function seedDemoExpertWork(tx: Tx): Promise<void> {
  const decided = `FROM review_panels p JOIN panel_members m ON m.panel_id = p.id AND m.replaced_at IS NULL
    JOIN users u ON u.id = m.expert_user_id WHERE p.decided_at IS NOT NULL`;
  await tx.query(
    `INSERT INTO pre_reviews (panel_id, expert_user_id, overall_impression, main_problems, questions, suggested_revisions,
       preliminary_conclusion, submitted_at, created_at, updated_at, city_code, district_code)
     SELECT p.id, m.expert_user_id,
            CASE WHEN p.grade IN ('fail', 'rejected') THEN '审核过程不够规范，报告数据支撑不足。' ELSE '审核过程基本规范，报告结构完整，审核重点选择合理。' END,
            CASE WHEN p.kind = 'evaluation' THEN '物料平衡测试数据不足，部分方案效益测算依据不充分。' ELSE '个别方案实施效果的监测数据不完整。' END,
            '请说明主要生产线用水、用电的计量方式。',
            CASE WHEN p.kind = 'evaluation' THEN '补充物料平衡测试记录，完善中/高费方案可行性分析。' ELSE '补充实施后连续监测数据。' END,
            p.grade, p.decided_at - interval '2 days', p.decided_at - interval '3 days', p.decided_at - interval '2 days',
            p.city_code, p.district_code
       ${decided}
     ON CONFLICT (panel_id, expert_user_id) DO NOTHING`,
  );
  await tx.query(
    `INSERT INTO panel_signatures (panel_id, expert_user_id, signed_name, panel_score, grade, signed_at, city_code, district_code)
     SELECT p.id, m.expert_user_id, u.display_name, p.panel_score, p.grade, p.decided_at - interval '1 hour', p.city_code, p.district_code
       ${decided}
     ON CONFLICT (panel_id, expert_user_id) DO NOTHING`,
  );
  await tx.query(
    `INSERT INTO expert_ratings (panel_id, expert_user_id, rating, comment, rated_by, rated_at, city_code, district_code)
     SELECT p.id, m.expert_user_id, x.rating,
            CASE x.rating WHEN 5 THEN '预审意见具体，评审认真，意见有针对性。' WHEN 4 THEN '评审认真，按时提交评分。'
                          ELSE '意见较为笼统，建议加强现场核查。' END,
            p.formed_by, p.decided_at + interval '1 day', p.city_code, p.district_code
       FROM review_panels p JOIN panel_members m ON m.panel_id = p.id AND m.replaced_at IS NULL
       JOIN users u ON u.id = m.expert_user_id
       CROSS JOIN LATERAL (SELECT CASE u.username WHEN 'expert1' THEN 5 WHEN 'expert2' THEN 4 ELSE 3 END AS rating) AS x
      WHERE p.decided_at IS NOT NULL AND p.formed_by IS NOT NULL
     ON CONFLICT (panel_id, expert_user_id) DO NOTHING`,
  );
}
