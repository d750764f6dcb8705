/**
 * Demo consulting agencies: the profile and auditors of 绿源 (agency1's agency), a second agency that served three
 * finished or advanced demo rounds (so the performance page has figures), with 江北区's ratings, and a third agency
 * on the dishonesty list (so the portal's 失信名单 shows a row). Runs inside the demo seeding transaction.
 */
import { makeCreditCode } from '../../../shared/domain/creditCode';
import type { Tx } from '../../db/types';
import { CHONGQING_CODE } from '../reference/regions';

const at = (date: string) => `${date}T09:30:00+08:00`;

interface DemoAgency {
  name: string;
  nameEn: string;
  districtCode: string;
  creditCode: string;
  address: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  serviceDistrictCodes: string[];
}

const LVYUAN_PROFILE = {
  address: '重庆市南岸区南坪西路28号绿源大厦12楼',
  legalRepresentative: '罗建华',
  contactName: '谭晓雯',
  contactPhone: '023-62881234',
  contactEmail: 'service@lvyuan-cp.example',
  serviceDistrictCodes: ['500108', '500112', '500105', '500110', '500115'],
};

const LANTIAN: DemoAgency = {
  name: '重庆蓝天环境技术咨询有限公司',
  nameEn: 'Chongqing Lantian Environmental Technology Consulting Co., Ltd.',
  districtCode: '500105',
  creditCode: makeCreditCode('91500105MA60LT2K3'),
  address: '重庆市江北区建新北路66号',
  legalRepresentative: '陈立军',
  contactName: '何静',
  contactPhone: '13983012345',
  contactEmail: 'cp@lantian-env.example',
  serviceDistrictCodes: ['500105', '500115', '500112'],
};

const HENGXIN: DemoAgency = {
  name: '重庆恒信环保咨询服务有限公司',
  nameEn: 'Chongqing Hengxin Environmental Consulting Services Co., Ltd.',
  districtCode: '500106',
  creditCode: makeCreditCode('91500106MA5YHX8N2'),
  address: '重庆市沙坪坝区天星桥正街15号',
  legalRepresentative: '周海',
  contactName: '周海',
  contactPhone: '13708300111',
  contactEmail: 'hengxin@example.com',
  serviceDistrictCodes: ['500106'],
};

/** Rounds 蓝天 served (enterprise key, year) from the start of their audit. */
const LANTIAN_ROUNDS: readonly (readonly [string, number])[] = [
  ['ent_jiangbei_kangda_pharma', 2019],
  ['ent_changshou_gangxin_steel', 2019],
  ['ent_jiangbei_jinggong_coating', 2020],
];

async function insertAgency(tx: Tx, a: DemoAgency, status: 'normal' | 'dishonest'): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO organizations (kind, name, name_en, city_code, district_code, credit_code)
     VALUES ('agency', $1, $2, $3, $4, $5) RETURNING id`,
    [a.name, a.nameEn, CHONGQING_CODE, a.districtCode, a.creditCode],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`demo agency ${a.name} not created`);
  await tx.query(
    `INSERT INTO agencies (id, city_code, address, legal_representative, contact_name, contact_phone, contact_email,
                           service_district_codes, status, status_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, CASE WHEN $9 = 'normal' THEN NULL ELSE now() END)`,
    [id, CHONGQING_CODE, a.address, a.legalRepresentative, a.contactName, a.contactPhone, a.contactEmail, a.serviceDistrictCodes, status],
  );
  return id;
}

async function insertAuditors(tx: Tx, agencyId: string, auditors: readonly [string, string, string[], boolean][]): Promise<void> {
  await tx.query(
    `INSERT INTO agency_auditors (agency_id, city_code, name, certificate_no, specialities, active)
     SELECT $1, $2, x.name, x.cert, ARRAY(SELECT jsonb_array_elements_text(x.spec)), x.active
       FROM jsonb_to_recordset($3::jsonb) AS x(name text, cert text, spec jsonb, active boolean)`,
    [agencyId, CHONGQING_CODE, JSON.stringify(auditors.map(([name, cert, spec, active]) => ({ name, cert, spec, active })))],
  );
}

export async function seedDemoAgencies(tx: Tx, orgIds: ReadonlyMap<string, string>): Promise<number> {
  const lvyuan = orgIds.get('agency_lvyuan');
  if (!lvyuan) return 0;
  await tx.query(
    `INSERT INTO agencies (id, city_code, address, legal_representative, contact_name, contact_phone, contact_email, service_district_codes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[])
     ON CONFLICT (id) DO UPDATE SET address = EXCLUDED.address, legal_representative = EXCLUDED.legal_representative,
       contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone, contact_email = EXCLUDED.contact_email,
       service_district_codes = EXCLUDED.service_district_codes`,
    [lvyuan, CHONGQING_CODE, LVYUAN_PROFILE.address, LVYUAN_PROFILE.legalRepresentative, LVYUAN_PROFILE.contactName,
      LVYUAN_PROFILE.contactPhone, LVYUAN_PROFILE.contactEmail, LVYUAN_PROFILE.serviceDistrictCodes],
  );
  await insertAuditors(tx, lvyuan, [
    ['谭晓雯', 'CQCP-2018-0107', ['30', '26'], true],
    ['刘明远', 'CQCP-2019-0233', ['31', '32'], true],
    ['邓佳', 'CQCP-2017-0045', ['26'], false],
  ]);

  const lantian = await insertAgency(tx, LANTIAN, 'normal');
  await insertAuditors(tx, lantian, [
    ['何静', 'CQCP-2016-0012', ['27', '26'], true],
    ['冉伟', 'CQCP-2020-0318', ['33', '31'], true],
  ]);
  const { rows: served } = await tx.query<{ id: string; districtCode: string; startedAt: string }>(
    `SELECT r.id, r.district_code AS "districtCode",
            (SELECT min(h.occurred_at)::text FROM round_history h WHERE h.round_id = r.id AND h.transition = 'startAudit') AS "startedAt"
       FROM audit_rounds r JOIN jsonb_to_recordset($1::jsonb) AS x(enterprise uuid, year int)
         ON r.enterprise_id = x.enterprise AND r.listing_year = x.year`,
    [JSON.stringify(LANTIAN_ROUNDS.map(([key, year]) => ({ enterprise: orgIds.get(key), year })))],
  );
  for (const round of served) {
    await tx.query(
      `INSERT INTO round_engagements (round_id, agency_id, engaged_at, city_code, district_code) VALUES ($1, $2, $3, $4, $5)`,
      [round.id, lantian, round.startedAt ?? at('2019-05-10'), CHONGQING_CODE, round.districtCode],
    );
    await tx.query(`UPDATE audit_rounds SET audit_mode = 'agency' WHERE id = $1`, [round.id]);
  }
  // 江北区 rates the service on its two rounds.
  await tx.query(
    `INSERT INTO agency_feedback (agency_id, round_id, city_code, district_code, rating, comment, created_by, updated_by, created_at, updated_at)
     SELECT $1, r.id, r.city_code, r.district_code, x.rating, x.comment, u.id, u.id, $4::timestamptz, $4::timestamptz
       FROM audit_rounds r JOIN jsonb_to_recordset($2::jsonb) AS x(enterprise uuid, year int, rating int, comment text)
         ON r.enterprise_id = x.enterprise AND r.listing_year = x.year
       LEFT JOIN users u ON u.username = $3`,
    [
      lantian,
      JSON.stringify([
        { enterprise: orgIds.get('ent_jiangbei_kangda_pharma'), year: 2019, rating: 5, comment: '审核报告编制规范，方案落实情况跟踪到位。' },
        { enterprise: orgIds.get('ent_jiangbei_jinggong_coating'), year: 2020, rating: 4, comment: '现场审核认真，但VOCs物料衡算需补充说明。' },
      ]),
      'jiangbei',
      at('2021-12-20'),
    ],
  );

  const hengxin = await insertAgency(tx, HENGXIN, 'dishonest');
  await insertAuditors(tx, hengxin, [['周海', 'CQCP-2015-0099', ['26'], false]]);
  await tx.query(
    `INSERT INTO agency_status_changes (agency_id, city_code, from_status, to_status, reason, decision_no, decided_on, decided_by, created_at)
     SELECT $1, $2, x.from_status, x.to_status, x.reason, x.decision_no, x.decided_on, u.id, (x.decided_on + time '10:00') AT TIME ZONE 'Asia/Shanghai'
       FROM jsonb_to_recordset($3::jsonb) AS x(from_status text, to_status text, reason text, decision_no text, decided_on date)
       LEFT JOIN users u ON u.username = 'city'`,
    [
      hengxin,
      CHONGQING_CODE,
      JSON.stringify([
        { from_status: 'normal', to_status: 'warned', reason: '审核报告多处数据前后矛盾，经约谈后限期整改。', decision_no: '渝环函〔2021〕88号', decided_on: '2021-04-12' },
        {
          from_status: 'warned',
          to_status: 'dishonest',
          reason: '在清洁生产审核服务中编制虚假审核报告，伪造监测数据。',
          decision_no: '渝环〔2021〕156号',
          decided_on: '2021-09-15',
        },
      ]),
    ],
  );
  return 3;
}
