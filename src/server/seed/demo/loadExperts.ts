import type { Tx } from '../../db/types';
import { CHONGQING_CODE } from '../reference/regions';

/**
 * The demo expert library: profiles for expert1–3 and five more expert accounts (expert4–expert8), so a draw of three
 * with recusal shows something: expert6 works for the demo agency (excluded from its rounds by same employer), expert7
 * has declared a tie to it, expert8 is unavailable for a long period. Idempotent (usernames and user links are unique).
 */
interface DemoExpert {
  username: string;
  displayName: string;
  title: string;
  employer: string;
  industries: string[];
  expertise: string[];
  districtCode: string;
  phone: string;
}

const AGENCY_NAME = '重庆绿源清洁生产技术咨询有限公司';

const EXPERTS: readonly DemoExpert[] = [
  { username: 'expert1', displayName: '张建华', title: '教授', employer: '重庆大学', industries: ['33', 'C'], expertise: ['audit', 'industry'], districtCode: '500106', phone: '13808305126' },
  { username: 'expert2', displayName: '刘思远', title: '高级工程师', employer: '重庆市生态环境科学研究院', industries: ['33', '38'], expertise: ['audit'], districtCode: '500103', phone: '13996072318' },
  { username: 'expert3', displayName: '陈晓梅', title: '高级工程师', employer: '重庆市生态环境监测中心', industries: ['C'], expertise: ['monitoring'], districtCode: '500105', phone: '15086923471' },
  { username: 'expert4', displayName: '王立新', title: '正高级工程师', employer: '中冶赛迪集团有限公司', industries: ['33', '31'], expertise: ['industry'], districtCode: '500108', phone: '13983012457' },
  { username: 'expert5', displayName: '赵敏', title: '副教授', employer: '重庆工商大学', industries: ['13', '14', '33'], expertise: ['audit'], districtCode: '500106', phone: '13594127730' },
  { username: 'expert6', displayName: '孙伟', title: '工程师', employer: AGENCY_NAME, industries: ['33', '23'], expertise: ['audit'], districtCode: '500112', phone: '13629745108' },
  { username: 'expert7', displayName: '周婷', title: '高级工程师', employer: '重庆市环境保护工程设计研究院', industries: ['33', '26'], expertise: ['industry', 'monitoring'], districtCode: '500105', phone: '18223094516' },
  { username: 'expert8', displayName: '吴刚', title: '教授级高级工程师', employer: '重庆川维科技有限公司', industries: ['26', '33'], expertise: ['industry'], districtCode: '500115', phone: '18983261940' },
];

export async function seedDemoExperts(tx: Tx, passwordHash: string): Promise<number> {
  const extra = EXPERTS.filter((e) => !['expert1', 'expert2', 'expert3'].includes(e.username));
  await tx.query(
    `INSERT INTO users (username, display_name, role, org_id, phone, password_hash)
     SELECT x.username, x."displayName", 'expert', o.id, x.phone, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(username text, "displayName" text, phone text)
       JOIN organizations o ON o.kind = 'expert_library' AND o.city_code = $3
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = x.username)`,
    [JSON.stringify(extra), passwordHash, CHONGQING_CODE],
  );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO experts (user_id, name, title, employer, industries, expertise, district_code, phone, status, city_code)
     SELECT u.id, x."displayName", x.title, x.employer, ARRAY(SELECT jsonb_array_elements_text(x.industries)),
            ARRAY(SELECT jsonb_array_elements_text(x.expertise)), x."districtCode", x.phone, 'active', $2
       FROM jsonb_to_recordset($1::jsonb) AS x(username text, "displayName" text, title text, employer text, industries jsonb,
            expertise jsonb, "districtCode" text, phone text)
       JOIN users u ON u.username = x.username
     ON CONFLICT (user_id) DO NOTHING RETURNING id`,
    [JSON.stringify(EXPERTS), CHONGQING_CODE],
  );
  await tx.query(
    `INSERT INTO expert_ties (expert_id, kind, organization_id, note)
     SELECT x.id, 'agency', o.id, '曾为该机构兼职技术顾问（2024年）'
       FROM experts x JOIN users u ON u.id = x.user_id AND u.username = 'expert7'
       JOIN organizations o ON o.kind = 'agency' AND o.name = $1
      WHERE NOT EXISTS (SELECT 1 FROM expert_ties t WHERE t.expert_id = x.id)`,
    [AGENCY_NAME],
  );
  await tx.query(
    `INSERT INTO expert_availability (expert_id, from_on, to_on, note)
     SELECT x.id, DATE '2026-01-01', DATE '2027-12-31', '出国访学'
       FROM experts x JOIN users u ON u.id = x.user_id AND u.username = 'expert8'
      WHERE NOT EXISTS (SELECT 1 FROM expert_availability a WHERE a.expert_id = x.id)`,
  );
  return rows.length;
}
