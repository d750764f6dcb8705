/**
 * Demo cleaner production options (清洁生产方案) and declared baselines of the demo rounds in audit-or-later
 * states (pure data). Rounds past evaluation hold complete registers; the cement round, still auditing,
 * shows the quality warnings (too few options, an incomplete medium/high-cost option, near-identical texts).
 */
import type {
  Benefits,
  FeasibilityConclusion,
  OptionCategory,
  OptionDirection,
  OptionStatus,
  RoundBaseline,
} from '../../../shared/domain/options';

export interface DemoOption {
  category: OptionCategory;
  direction: OptionDirection;
  name: string;
  description: string | null;
  status: OptionStatus;
  investment: number | null;
  feasibility: FeasibilityConclusion | null;
  predicted: Benefits;
  /** Implemented options report actual figures (the register's "实际效益"). */
  actual: Benefits;
  actualEffectiveOn: string | null;
}

export interface DemoRoundOptions {
  enterpriseKey: string;
  year: number;
  baseline: RoundBaseline;
  options: DemoOption[];
}

type Row = [OptionCategory, OptionDirection, string, OptionStatus, number | null, FeasibilityConclusion | null, Benefits, string | null];

/** Actual benefits of an implemented option: 92% of the predicted figures, rounded to 0.01. */
const realised = (b: Benefits): Benefits =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Math.round((v ?? 0) * 92) / 100]));

const options = (rows: Row[]): DemoOption[] =>
  rows.map(([category, direction, name, status, investment, feasibility, predicted, description]) => ({
    category,
    direction,
    name,
    description,
    status,
    investment,
    feasibility,
    predicted,
    actual: status === 'implemented' ? realised(predicted) : {},
    actualEffectiveOn: null,
  }));

/** Dates when implemented options started to count: no/low-cost ones during the audit, the others a year later. */
const dated = (year: number, list: DemoOption[]): DemoOption[] =>
  list.map((o) => ({
    ...o,
    actualEffectiveOn: o.status === 'implemented' ? (o.category === 'low_cost' ? `${year}-09-01` : `${year + 1}-06-30`) : null,
  }));

export const demoRoundOptions: readonly DemoRoundOptions[] = [
  {
    enterpriseKey: 'ent_yubei_huaxin_plating',
    year: 2020,
    baseline: { energyTce: 2850, electricity10kKwh: 1260, waterTonnes: 185000 },
    options: dated(2020, options([
      ['low_cost', 'process_control', '镀槽加盖及液位自动控制', 'implemented', 3.5, null, { water: 3200, economic: 4.8 }, '酸洗、镀镍槽加盖减少挥发，液位计联锁补水'],
      ['low_cost', 'waste_reuse', '镀件带出液回收槽改造', 'implemented', 2.8, null, { heavyMetals: 85, economic: 6.2 }, '镀镍、镀铬线各增设两级回收槽，回收液返回镀槽'],
      ['low_cost', 'equipment', '车间照明更换LED节能灯具', 'implemented', 4.2, null, { electricity: 12.5, economic: 8.1 }, null],
      ['low_cost', 'waste_reuse', '蒸汽冷凝水回收利用', 'implemented', 6, null, { water: 5400, energy: 38, economic: 9.6 }, '加热盘管冷凝水收集后回用于锅炉补水'],
      ['low_cost', 'management', '完善化学品出入库台账管理', 'implemented', 0.5, null, { hazardousWaste: 3.5, economic: 2 }, null],
      ['low_cost', 'staff', '员工清洁生产培训及岗位操作规程修订', 'implemented', 0.8, null, { economic: 1.5 }, null],
      ['high_cost', 'technology', '电镀废水分质分流及膜处理回用改造', 'implemented', 380, 'feasible', { water: 42000, wastewater: 40000, cod: 6.3, heavyMetals: 210, economic: 58 }, '含铬、含镍、综合废水分质收集，超滤+反渗透回用率60%'],
      ['high_cost', 'equipment', '整流器更换为高频开关电源', 'implemented', 126, 'feasible', { electricity: 96, energy: 118, co2: 560, economic: 67 }, null],
    ])),
  },
  {
    enterpriseKey: 'ent_jiangbei_jinggong_coating',
    year: 2020,
    baseline: { energyTce: 1120, electricity10kKwh: 640, waterTonnes: 36000 },
    options: dated(2020, options([
      ['low_cost', 'equipment', '喷漆房送排风机变频改造', 'implemented', 9.5, null, { electricity: 18, economic: 11.7 }, null],
      ['low_cost', 'waste_reuse', '调漆间密闭及清洗溶剂回收', 'implemented', 5, null, { vocs: 4.2, hazardousWaste: 2.1, economic: 7.5 }, null],
      ['low_cost', 'management', '涂装工序VOCs无组织排放管控制度', 'implemented', 0.6, null, { vocs: 1.1 }, null],
      ['low_cost', 'equipment', '空压机管网检漏及泄漏治理', 'implemented', 2.4, null, { electricity: 9.8, economic: 6.4 }, null],
      ['low_cost', 'staff', '喷涂操作工技能培训', 'implemented', 0.5, null, { economic: 1.2 }, '提高涂着效率，减少过喷'],
      ['high_cost', 'raw_materials', '溶剂型涂料替换为水性涂料', 'implemented', 420, 'feasible', { vocs: 38.5, economic: 12 }, null],
      ['high_cost', 'technology', '喷涂线废气RTO蓄热燃烧治理', 'implemented', 560, 'feasible', { vocs: 52 }, null],
    ])),
  },
  {
    enterpriseKey: 'ent_fuling_jiangdong_chem',
    year: 2020,
    baseline: { energyTce: 8600, electricity10kKwh: 2300, waterTonnes: 420000 },
    options: dated(2020, options([
      ['low_cost', 'waste_reuse', '反应釜夹套蒸汽冷凝水回收', 'implemented', 12, null, { water: 16000, energy: 210, economic: 21 }, null],
      ['low_cost', 'equipment', '循环水泵变频改造', 'implemented', 18, null, { electricity: 45, economic: 27 }, null],
      ['low_cost', 'process_control', '溶剂储罐氮封及呼吸阀改造', 'implemented', 8, null, { vocs: 6.8, economic: 9 }, null],
      ['low_cost', 'management', '危险废物暂存间规范化管理', 'implemented', 3, null, { hazardousWaste: 12 }, null],
      ['low_cost', 'process_control', '设备动静密封点泄漏检测与修复（LDAR）', 'implemented', 6.5, null, { vocs: 3.4 }, null],
      ['high_cost', 'technology', '精馏工序MVR机械蒸汽再压缩改造', 'proposed', 860, 'feasible', { energy: 2100, co2: 5400, economic: 310 }, null],
      ['high_cost', 'waste_reuse', '高浓度有机废液焚烧余热利用', 'dropped', 1250, 'not_feasible', { energy: 900 }, null],
    ])),
  },
  {
    enterpriseKey: 'ent_qijiang_ruifeng_cement',
    year: 2020,
    baseline: { energyTce: 98000, electricity10kKwh: 9800, waterTonnes: 260000 },
    options: options([
      ['low_cost', 'equipment', '生料磨选粉机变频改造', 'implementing', 35, null, { electricity: 120, economic: 72 }, null],
      ['low_cost', 'equipment', '生料磨选粉机变频改造（二期）', 'proposed', 30, null, {}, null],
      ['high_cost', 'technology', '篦冷机余热发电系统优化', 'proposed', null, null, { electricity: 800, energy: 2600 }, null],
    ]),
  },
  {
    enterpriseKey: 'ent_qijiang_yongsheng_coking',
    year: 2020,
    baseline: { energyTce: 152000, electricity10kKwh: 5600, waterTonnes: 980000 },
    options: dated(2020, options([
      ['low_cost', 'waste_reuse', '焦炉上升管荒煤气余热回收', 'implemented', 48, null, { energy: 3800, economic: 210 }, null],
      ['low_cost', 'waste_reuse', '熄焦水闭路循环利用', 'implemented', 15, null, { water: 62000, wastewater: 58000, economic: 18 }, null],
      ['low_cost', 'process_control', '煤场喷淋抑尘及道路清扫制度', 'implemented', 9, null, { particulates: 28 }, null],
      ['low_cost', 'process_control', '化产回收工段密封点泄漏检测', 'implemented', 6, null, { vocs: 5.5 }, null],
      ['low_cost', 'staff', '员工节能减排培训', 'implemented', 1, null, { economic: 2 }, null],
      ['high_cost', 'technology', '湿法熄焦改干熄焦', 'proposed', 9800, 'feasible', { energy: 36000, co2: 96000, particulates: 120, economic: 2600 }, '配套建设干熄焦余热锅炉及发电机组'],
    ])),
  },
  {
    enterpriseKey: 'ent_changshou_changhua_chem',
    year: 2021,
    baseline: { energyTce: 12400, electricity10kKwh: 3100, waterTonnes: 610000 },
    options: dated(2021, options([
      ['low_cost', 'process_control', '废水总排口在线监测与预警', 'implemented', 15, null, { cod: 8.5, economic: 4 }, null],
      ['low_cost', 'waste_reuse', '离心母液套用工艺优化', 'implemented', 6, null, { cod: 12, wastewater: 9000, economic: 35 }, null],
      ['low_cost', 'equipment', '冷冻机组运行优化及变频改造', 'implemented', 22, null, { electricity: 60, economic: 36 }, null],
      ['low_cost', 'raw_materials', '原料包装桶回收返还供应商', 'implemented', 1, null, { hazardousWaste: 18, economic: 5 }, null],
      ['low_cost', 'management', '建立能源计量三级管理体系', 'implemented', 8, null, { energy: 150, economic: 12 }, null],
      ['high_cost', 'technology', '高盐废水三效蒸发除盐改造', 'proposed', 1480, 'feasible', { cod: 95, wastewater: 72000, economic: 60 }, null],
    ])),
  },
  {
    enterpriseKey: 'ent_jiangbei_kangda_pharma',
    year: 2019,
    baseline: { energyTce: 5200, electricity10kKwh: 1650, waterTonnes: 240000 },
    options: dated(2019, options([
      ['low_cost', 'waste_reuse', '发酵废菌渣规范处置及资源化', 'implemented', 4, null, { hazardousWaste: 45, economic: 8 }, null],
      ['low_cost', 'equipment', '真空泵改为水环-罗茨机组', 'implemented', 16, null, { electricity: 28, economic: 17 }, null],
      ['low_cost', 'process_control', '溶媒回收塔回流比优化', 'implemented', 2, null, { vocs: 7.6, economic: 46 }, null],
      ['low_cost', 'management', '车间清洁生产考核制度', 'implemented', 0.5, null, { economic: 3 }, null],
      ['low_cost', 'staff', 'GMP与清洁生产联合培训', 'implemented', 1, null, { economic: 1 }, null],
      ['high_cost', 'technology', '溶媒回收系统改造（深冷+吸附）', 'implemented', 650, 'feasible', { vocs: 48, economic: 180 }, null],
    ])),
  },
  {
    enterpriseKey: 'ent_changshou_gangxin_steel',
    year: 2019,
    baseline: { energyTce: 186000, electricity10kKwh: 42000, waterTonnes: 1350000 },
    options: dated(2019, options([
      ['low_cost', 'process_control', '电炉冶炼供电曲线优化', 'implemented', 20, null, { electricity: 850, energy: 1040, economic: 510 }, null],
      ['low_cost', 'waste_reuse', '除尘灰返烧结利用', 'implemented', 12, null, { solidWaste: 3200, economic: 96 }, null],
      ['low_cost', 'equipment', '轧钢加热炉炉门密封改造', 'implemented', 18, null, { energy: 620, economic: 68 }, null],
      ['low_cost', 'management', '能源管控中心运行考核', 'implemented', 5, null, { energy: 300, economic: 40 }, null],
      ['low_cost', 'staff', '岗位节能操作技能竞赛', 'implemented', 1.5, null, { economic: 6 }, null],
      ['high_cost', 'technology', '电炉烟气余热回收蒸汽系统', 'implemented', 2350, 'feasible', { energy: 8600, co2: 22000, economic: 980 }, null],
    ])),
  },
];
