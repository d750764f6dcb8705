import { caseCreditDescription, LEGAL_BASES, VIOLATION_TYPE_LABELS, type LegalBasisCode, type Measure, type ViolationType } from '../../../shared/domain/enforcement';
import type { Tx } from '../../db/types';
import { districtBureau } from '../../modules/enforcement/repository';

/**
 * Demo enforcement cases: an order to correct on 华鑫表面处理's overdue 2020 round (so the 建议执法措施
 * list proposes the penalty), an order and a fine on 瑞丰水泥's overdue 2020 round (credit records, the
 * disclosure-scope mark, and a rollover suggestion), and an open draft. Runs inside the seeding transaction.
 */
interface DemoCase {
  enterpriseKey: string;
  roundYear: number | null;
  violationType: ViolationType;
  legalBasis: LegalBasisCode;
  measure: Measure;
  facts: string;
  openedOn: string;
  correctionDue: string | null;
  decisionNo: string | null;
  decidedOn: string | null;
  fineAmount: number | null;
}

const CASES: readonly DemoCase[] = [
  {
    enterpriseKey: 'ent_yubei_huaxin_plating', roundYear: 2020, violationType: 'not_audited', legalBasis: 'measures_art37',
    measure: 'order_correction', facts: '2020年度强制性清洁生产审核通过评估后，逾期未申请验收，中/高费方案未按期实施。',
    openedOn: '2022-03-01', correctionDue: '2022-06-30', decisionNo: '渝北环责改〔2022〕12号', decidedOn: '2022-03-10', fineAmount: null,
  },
  {
    enterpriseKey: 'ent_qijiang_ruifeng_cement', roundYear: 2020, violationType: 'not_audited', legalBasis: 'measures_art37',
    measure: 'order_correction', facts: '2020年度强制性清洁生产审核启动后，逾期未提交审核报告。',
    openedOn: '2021-04-06', correctionDue: '2021-08-31', decisionNo: '綦环责改〔2021〕5号', decidedOn: '2021-04-12', fineAmount: null,
  },
  {
    enterpriseKey: 'ent_qijiang_ruifeng_cement', roundYear: 2020, violationType: 'not_audited', legalBasis: 'measures_art37',
    measure: 'fine', facts: '经责令限期改正（綦环责改〔2021〕5号）逾期仍未改正。',
    openedOn: '2021-09-06', correctionDue: null, decisionNo: '綦环罚〔2021〕18号', decidedOn: '2021-09-15', fineAmount: 100000,
  },
  {
    enterpriseKey: 'ent_yubei_jiamei_printing', roundYear: null, violationType: 'not_disclosed', legalBasis: 'measures_art36',
    measure: 'order_correction', facts: '未按规定在本企业网站公布主要污染物排放情况。',
    openedOn: '2022-05-09', correctionDue: '2022-06-09', decisionNo: null, decidedOn: null, fineAmount: null,
  },
];

export async function seedDemoEnforcement(tx: Tx, orgIds: ReadonlyMap<string, string>): Promise<number> {
  for (const c of CASES) {
    const enterpriseId = orgIds.get(c.enterpriseKey);
    if (!enterpriseId) throw new Error(`demo case has unknown enterprise ${c.enterpriseKey}`);
    const { rows } = await tx.query<{ id: string; cityCode: string; districtCode: string }>(
      `INSERT INTO enforcement_cases (enterprise_id, round_id, violation_type, legal_basis, measure, facts, opened_on, correction_due,
         decision_no, decided_on, fine_amount, status, city_code, district_code, created_by)
       SELECT e.id, (SELECT r.id FROM audit_rounds r WHERE r.enterprise_id = e.id AND r.listing_year = $2), $3, $4, $5, $6, $7::date,
              $8::date, $9, $10::date, $11, CASE WHEN $10::date IS NULL THEN 'open' ELSE 'decided' END, e.city_code, e.district_code,
              (SELECT u.id FROM users u JOIN organizations o ON o.id = u.org_id
                WHERE o.kind = 'district_bureau' AND o.district_code = e.district_code ORDER BY u.username LIMIT 1)
         FROM enterprises e WHERE e.id = $1
       RETURNING id, city_code AS "cityCode", district_code AS "districtCode"`,
      [enterpriseId, c.roundYear, c.violationType, c.legalBasis, c.measure, c.facts, c.openedOn, c.correctionDue, c.decisionNo, c.decidedOn, c.fineAmount],
    );
    const row = rows[0];
    if (!row) throw new Error(`demo case of ${c.enterpriseKey} not inserted`);
    if (!c.decisionNo || !c.decidedOn) continue;
    const facts = { ...c, decisionNo: c.decisionNo, bureau: await districtBureau(tx, row.districtCode) };
    await tx.query(
      `INSERT INTO credit_records (enterprise_id, kind, source, case_id, round_id, recorded_on, period_year, description_zh, description_en,
         city_code, district_code)
       SELECT enterprise_id, 'negative', 'enforcement_case', id, round_id, decided_on, extract(year FROM decided_on)::int, $2, $3,
              city_code, district_code FROM enforcement_cases WHERE id = $1`,
      [row.id, caseCreditDescription(facts, 'zh-CN'), caseCreditDescription(facts, 'en')],
    );
    if (c.fineAmount !== null) {
      await tx.query(
        `INSERT INTO disclosure_scope_marks (enterprise_id, in_scope, since, reason, source, case_id, city_code, district_code)
         VALUES ($1, true, $2::date, $3, 'penalty', $4, $5, $6)`,
        [
          enterpriseId,
          c.decidedOn,
          `${VIOLATION_TYPE_LABELS[c.violationType]['zh-CN']}，依据${LEGAL_BASES[c.legalBasis].label['zh-CN']}被处罚（${c.decisionNo}）`,
          row.id,
          row.cityCode,
          row.districtCode,
        ],
      );
    }
  }
  return CASES.length;
}
