/**
 * Demo campaigns and audit rounds (pure data): the 2021 campaign of 渝环办〔2021〕24号 with its three
 * district milestones, the 2019 and 2020 campaigns, and rounds walked through the state machine to
 * realistic later states, so every list has content. Enterprise keys refer to demoData.ts.
 */
import type { CampaignInput } from '../../../shared/contracts/campaigns';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { TransitionName } from '../../../shared/domain/roundStates';
import type { AcceptanceGrade, EvaluationGrade } from '../../../shared/domain/scoring';

export interface DemoCampaign extends CampaignInput {
  /** The list publication date of the year's rounds (null: nothing published yet). */
  publishedOn: string | null;
}

const rules = { ...DEFAULT_DEADLINE_RULES };
const KEY_INDUSTRIES = [
  'energy', 'metallurgy', 'coking', 'building_materials', 'nonferrous', 'chemicals', 'dyeing', 'papermaking',
  'apis', 'electroplating', 'agri_food_processing', 'industrial_coating', 'packaging', 'printing', 'batteries',
];

export const demoCampaigns: readonly DemoCampaign[] = [
  {
    year: 2019,
    noticeNo: null,
    title: '重庆市2019年强制性清洁生产审核工作',
    deadlineRules: rules,
    keyIndustryCodes: KEY_INDUSTRIES,
    milestones: [{ name: '报送2019年度工作总结及下一年度工作计划', dueOn: '2019-11-30', actorRole: 'district_staff' }],
    publishedOn: '2019-03-20',
  },
  {
    year: 2020,
    noticeNo: null,
    title: '重庆市2020年强制性清洁生产审核工作',
    deadlineRules: rules,
    keyIndustryCodes: KEY_INDUSTRIES,
    milestones: [{ name: '报送2020年度工作总结及下一年度工作计划', dueOn: '2020-11-30', actorRole: 'district_staff' }],
    publishedOn: '2020-03-16',
  },
  {
    year: 2021,
    noticeNo: '渝环办〔2021〕24号',
    title: '重庆市生态环境局办公室关于做好2021年强制性清洁生产审核工作的通知',
    deadlineRules: rules,
    keyIndustryCodes: KEY_INDUSTRIES,
    milestones: [
      {
        name: '报送2022—2023年强制性清洁生产审核企业计划名单（附件4）及2020年度工作总结表（附件3）',
        dueOn: '2021-03-19',
        actorRole: 'district_staff',
      },
      {
        name: '完成本年度评估工作，向企业反馈评估结果及技术审查意见，明确验收期限',
        dueOn: '2021-11-15',
        actorRole: 'district_staff',
      },
      {
        name: '报送本年度工作总结（附件3）及下一年度工作计划',
        dueOn: '2021-11-30',
        actorRole: 'district_staff',
      },
    ],
    publishedOn: '2021-02-26',
  },
];

/** One step of a demo round's life: the transition, its date and (for recorded results) the grade. */
export interface DemoStep {
  transition: TransitionName;
  on: string;
  grade?: EvaluationGrade | AcceptanceGrade;
  comment?: string;
}

export interface DemoRound {
  enterpriseKey: string;
  year: number;
  reasons: ListingReason[];
  reasonDetails: string | null;
  steps: DemoStep[];
}

const through = {
  closed: (y: number): DemoStep[] => [
    ...through.accepted(y),
    { transition: 'publishResult', on: `${y + 2}-01-15` },
  ],
  accepted: (y: number): DemoStep[] => [
    ...through.evaluated(y, 'pass'),
    { transition: 'applyForAcceptance', on: `${y + 1}-11-05` },
    { transition: 'acceptAcceptanceApplication', on: `${y + 1}-11-12` },
    { transition: 'recordAcceptance', on: `${y + 1}-12-10`, grade: 'accepted', comment: '验收合格，综合得分86分' },
  ],
  evaluated: (y: number, grade: EvaluationGrade): DemoStep[] => [
    ...through.reportSubmitted(y),
    { transition: 'applyForEvaluation', on: `${y + 1}-01-10` },
    { transition: 'acceptEvaluationApplication', on: `${y + 1}-01-17` },
    {
      transition: 'recordEvaluation', on: `${y + 1}-03-20`, grade,
      // The scores of the demo panels (loadPanels.ts) give these panel results.
      comment: grade === 'pass' ? '专家组评估通过，得分92.2分' : '专家组评估：得分84.2分，修改后通过',
    },
  ],
  reportSubmitted: (y: number): DemoStep[] => [
    ...through.auditStarted(y),
    { transition: 'submitReport', on: `${y}-12-20` },
  ],
  auditStarted: (y: number): DemoStep[] => [
    ...through.disclosed(y),
    { transition: 'startAudit', on: `${y}-05-10` },
  ],
  disclosed: (y: number): DemoStep[] => [
    { transition: 'notify', on: `${y}-04-02` },
    { transition: 'disclose', on: `${y}-04-20` },
  ],
};

export const demoRounds: readonly DemoRound[] = [
  // 2019
  { enterpriseKey: 'ent_jiangbei_kangda_pharma', year: 2019, reasons: ['toxic', 'key_industry'],
    reasonDetails: '原料药生产使用有毒有害原料，产生危险废物', steps: through.closed(2019) },
  { enterpriseKey: 'ent_changshou_gangxin_steel', year: 2019, reasons: ['high_energy', 'key_industry'],
    reasonDetails: '电炉炼钢单位产品能耗超过限额标准', steps: through.accepted(2019) },
  { enterpriseKey: 'ent_qijiang_yongsheng_coking', year: 2019, reasons: ['dual_exceed', 'key_industry'],
    reasonDetails: '2018年焦炉烟气二氧化硫排放超标',
    steps: [{ transition: 'notify', on: '2019-04-02' },
      { transition: 'rollOver', on: '2019-12-20', comment: '企业技改停产，未能按期启动审核，滚动纳入2020年名单' }] },
  // 2020
  { enterpriseKey: 'ent_yubei_huaxin_plating', year: 2020, reasons: ['toxic', 'key_industry'],
    reasonDetails: '电镀生产使用含铬、含镍原料，排放重金属', steps: through.evaluated(2020, 'pass_with_revision') },
  { enterpriseKey: 'ent_jiangbei_jinggong_coating', year: 2020, reasons: ['key_industry'],
    reasonDetails: '工业涂装，VOCs排放重点企业',
    steps: [...through.evaluated(2020, 'pass'), { transition: 'applyForAcceptance', on: '2021-10-28' }] },
  { enterpriseKey: 'ent_fuling_jiangdong_chem', year: 2020, reasons: ['toxic', 'key_industry'],
    reasonDetails: '精细化工，使用有毒有害原料',
    steps: [...through.reportSubmitted(2020), { transition: 'applyForEvaluation', on: '2021-01-10' },
      { transition: 'acceptEvaluationApplication', on: '2021-01-17' }] },
  { enterpriseKey: 'ent_qijiang_ruifeng_cement', year: 2020, reasons: ['high_energy', 'key_industry'],
    reasonDetails: '水泥熟料单位产品综合能耗超过限额标准', steps: through.auditStarted(2020) },
  { enterpriseKey: 'ent_qijiang_yongsheng_coking', year: 2020, reasons: ['dual_exceed', 'key_industry'],
    reasonDetails: '2019年度滚动纳入', steps: through.reportSubmitted(2020) },
  // 2021
  { enterpriseKey: 'ent_jiangbei_hongda_packaging', year: 2021, reasons: ['key_industry'],
    reasonDetails: '包装印刷，VOCs排放重点企业', steps: [{ transition: 'notify', on: '2021-03-05' }] },
  { enterpriseKey: 'ent_yubei_jiamei_printing', year: 2021, reasons: ['key_industry'],
    reasonDetails: '印刷行业，VOCs排放重点企业', steps: [] },
  { enterpriseKey: 'ent_liangjiang_borui_lithium', year: 2021, reasons: ['toxic', 'key_industry'],
    reasonDetails: '锂电池生产使用有毒有害原料',
    steps: [{ transition: 'notify', on: '2021-03-04' }, { transition: 'disclose', on: '2021-03-22' }] },
  { enterpriseKey: 'ent_changshou_changhua_chem', year: 2021, reasons: ['dual_exceed', 'toxic'],
    reasonDetails: '2020年废水化学需氧量超总量控制指标；使用有毒有害原料',
    steps: [...through.reportSubmitted(2021), { transition: 'applyForEvaluation', on: '2022-01-12' }] },
  { enterpriseKey: 'ent_fuling_wujiang_paper', year: 2021, reasons: ['dual_exceed', 'key_industry'],
    reasonDetails: '2020年废水氨氮排放超标', steps: [] },
];

/** Plan entries for 2022 (附件4 of the 2021 campaign), not yet published. */
export interface DemoPlanEntry {
  enterpriseKey: string;
  year: number;
  reasons: ListingReason[];
  reasonDetails: string;
  lastAuditOn: string | null;
  review: { decision: 'approved' } | { decision: 'rejected'; reason: string } | null;
}

export const demoPlanEntries: readonly DemoPlanEntry[] = [
  { enterpriseKey: 'ent_yubei_ruineng_battery', year: 2022, reasons: ['toxic', 'key_industry'],
    reasonDetails: '电池制造，使用含镍、钴原料', lastAuditOn: null, review: null },
  { enterpriseKey: 'ent_jiangjin_degan_grain_oil', year: 2022, reasons: ['key_industry'],
    reasonDetails: '农副食品加工，废水排放量大', lastAuditOn: '2017-09-15', review: { decision: 'approved' } },
  { enterpriseKey: 'ent_liangjiang_xinyuan_pcb', year: 2022, reasons: ['dual_exceed'],
    reasonDetails: '2020年总铜排放超标', lastAuditOn: null,
    review: { decision: 'rejected', reason: '超标问题已于2021年整改完成并经监测达标，暂不纳入' } },
];
