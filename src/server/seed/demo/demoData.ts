/**
 * Demo data set (pure data, no I/O): organisations, enterprises and users of a small Chongqing
 * deployment. Company names, people, phone numbers and credit codes are fictional; the credit codes
 * are built with makeCreditCode so they pass GB 32100 validation.
 * E-mail addresses use the reserved `.example` top-level domain.
 */
import { makeCreditCode } from '../../../shared/domain/creditCode';

/** Password of every demo user (hashed by the seeder, never stored here). */
export const DEMO_PASSWORD = 'Demo@2021';

export interface DemoOrg {
  key: string;
  kind: 'city_bureau' | 'district_bureau' | 'agency' | 'expert_library';
  name: string;
  nameEn: string;
  districtCode: string | null;
  creditCode: string | null;
}

export interface DemoEnterprise {
  key: string;
  name: string;
  creditCode: string;
  districtCode: string;
  address: string;
  legalRepresentative: string;
  /** A GB/T 4754-2017 division code from industries.ts. */
  industryCode: string;
  keyIndustryCode: string | null;
  industrialPark: string | null;
  dischargePermitNo: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
}

export type DemoRole = 'city_admin' | 'city_staff' | 'district_staff' | 'enterprise_user' | 'agency_user' | 'expert';

export interface DemoUser {
  username: string;
  displayName: string;
  role: DemoRole;
  /** Key of a DemoOrg or DemoEnterprise. */
  orgKey: string;
  email: string | null;
  phone: string | null;
}

/**
 * A fictional enterprise credit code: '9' (market regulation) + '1' (enterprise) + the 6-digit
 * division code of the registering office + a 9-character body, plus the computed check character.
 */
function demoCreditCode(divisionCode: string, body: string): string {
  return makeCreditCode(`91${divisionCode}${body}`);
}

/** Discharge permit numbers follow the national pattern: credit code + 3-digit sequence + 'P'. */
function permitNo(creditCode: string): string {
  return `${creditCode}001P`;
}

export const demoOrgs: readonly DemoOrg[] = [
  {
    key: 'city_bureau',
    kind: 'city_bureau',
    name: '重庆市生态环境局',
    nameEn: 'Chongqing Municipal Ecology and Environment Bureau',
    districtCode: null,
    creditCode: null,
  },
  {
    key: 'yubei_bureau',
    kind: 'district_bureau',
    name: '重庆市渝北区生态环境局',
    nameEn: 'Yubei District Ecology and Environment Bureau',
    districtCode: '500112',
    creditCode: null,
  },
  {
    key: 'jiangbei_bureau',
    kind: 'district_bureau',
    name: '重庆市江北区生态环境局',
    nameEn: 'Jiangbei District Ecology and Environment Bureau',
    districtCode: '500105',
    creditCode: null,
  },
  {
    key: 'agency_lvyuan',
    kind: 'agency',
    name: '重庆绿源清洁生产技术咨询有限公司',
    nameEn: 'Chongqing Lüyuan Cleaner Production Technology Consulting Co., Ltd.',
    districtCode: '500108',
    creditCode: demoCreditCode('500108', 'MA5UQ7R3X'),
  },
  {
    key: 'expert_library',
    kind: 'expert_library',
    name: '重庆市清洁生产审核专家库',
    nameEn: 'Chongqing Cleaner Production Audit Expert Library',
    districtCode: null,
    creditCode: null,
  },
];

interface EnterpriseInput extends Omit<DemoEnterprise, 'creditCode' | 'dischargePermitNo'> {
  /** Division code used inside the credit code (the registering office). */
  registrationDivision: string;
  codeBody: string;
  hasPermit: boolean;
}

function enterprise(input: EnterpriseInput): DemoEnterprise {
  const { registrationDivision, codeBody, hasPermit, ...rest } = input;
  const creditCode = demoCreditCode(registrationDivision, codeBody);
  return { ...rest, creditCode, dischargePermitNo: hasPermit ? permitNo(creditCode) : null };
}

export const demoEnterprises: readonly DemoEnterprise[] = [
  // --- 渝北区 500112 (ent1's enterprise first) ---
  enterprise({
    key: 'ent_yubei_huaxin_plating',
    name: '重庆华鑫表面处理有限公司',
    registrationDivision: '500112',
    codeBody: 'MA5U7K2H1',
    districtCode: '500112',
    address: '重庆市渝北区双凤桥街道空港东路218号',
    legalRepresentative: '周建国',
    industryCode: '33',
    keyIndustryCode: 'electroplating',
    industrialPark: '重庆空港工业园区',
    hasPermit: true,
    contactName: '王晓燕',
    contactPhone: '13983124567',
    contactEmail: 'wangxy@huaxin-plating.example',
  }),
  enterprise({
    key: 'ent_yubei_jiamei_printing',
    name: '重庆嘉美印务有限公司',
    registrationDivision: '500112',
    codeBody: '7562138XQ',
    districtCode: '500112',
    address: '重庆市渝北区回兴街道宝圣东路66号',
    legalRepresentative: '陈志勇',
    industryCode: '23',
    keyIndustryCode: 'printing',
    industrialPark: null,
    hasPermit: true,
    contactName: '刘婷',
    contactPhone: '023-67451238',
    contactEmail: null,
  }),
  enterprise({
    key: 'ent_yubei_hengrun_food',
    name: '重庆恒润食品有限公司',
    registrationDivision: '500112',
    codeBody: 'MA60C4L8P',
    districtCode: '500112',
    address: '重庆市渝北区木耳镇工业园区8号',
    legalRepresentative: '黄德明',
    industryCode: '13',
    keyIndustryCode: 'agri_food_processing',
    industrialPark: null,
    hasPermit: false,
    contactName: '黄丽',
    contactPhone: '15823076419',
    contactEmail: 'sales@hengrun-food.example',
  }),
  enterprise({
    key: 'ent_yubei_ruineng_battery',
    name: '重庆锐能电池科技有限公司',
    registrationDivision: '500112',
    codeBody: 'MA61E9T2K',
    districtCode: '500112',
    address: '重庆市渝北区仙桃街道数据谷中路107号',
    legalRepresentative: '罗振宇',
    industryCode: '38',
    keyIndustryCode: 'batteries',
    industrialPark: '重庆空港工业园区',
    hasPermit: true,
    contactName: '唐敏',
    contactPhone: '18680912354',
    contactEmail: 'tangmin@ruineng-battery.example',
  }),
  // --- 江北区 500105 (ent2's enterprise first) ---
  enterprise({
    key: 'ent_jiangbei_hongda_packaging',
    name: '重庆宏达包装制品有限公司',
    registrationDivision: '500105',
    codeBody: '2028W6M4J',
    districtCode: '500105',
    address: '重庆市江北区铁山坪街道港城工业园区C区12号',
    legalRepresentative: '杨光明',
    industryCode: '22',
    keyIndustryCode: 'packaging',
    industrialPark: '江北区港城工业园区',
    hasPermit: true,
    contactName: '邓小军',
    contactPhone: '13608341276',
    contactEmail: 'dengxj@hongda-pack.example',
  }),
  enterprise({
    key: 'ent_jiangbei_jinggong_coating',
    name: '重庆精工汽车零部件涂装有限公司',
    registrationDivision: '500105',
    codeBody: 'MA5YR3B7N',
    districtCode: '500105',
    address: '重庆市江北区复盛镇复兴路39号',
    legalRepresentative: '何永红',
    industryCode: '36',
    keyIndustryCode: 'industrial_coating',
    industrialPark: null,
    hasPermit: true,
    contactName: '谢芳',
    contactPhone: '023-67809215',
    contactEmail: null,
  }),
  enterprise({
    key: 'ent_jiangbei_kangda_pharma',
    name: '重庆康达原料药有限公司',
    registrationDivision: '500105',
    codeBody: '6219847KD',
    districtCode: '500105',
    address: '重庆市江北区五宝镇工业路15号',
    legalRepresentative: '蒋文华',
    industryCode: '27',
    keyIndustryCode: 'apis',
    industrialPark: '江北区港城工业园区',
    hasPermit: true,
    contactName: '冉静',
    contactPhone: '13752908613',
    contactEmail: 'ranjing@kangda-pharma.example',
  }),
  // --- 长寿区 500115 ---
  enterprise({
    key: 'ent_changshou_changhua_chem',
    name: '重庆长化新材料有限公司',
    registrationDivision: '500115',
    codeBody: 'MA5U4N8E2',
    districtCode: '500115',
    address: '重庆市长寿区晏家街道齐心大道20号',
    legalRepresentative: '牟国庆',
    industryCode: '26',
    keyIndustryCode: 'chemicals',
    industrialPark: '重庆长寿经济技术开发区',
    hasPermit: true,
    contactName: '秦海涛',
    contactPhone: '13896451207',
    contactEmail: 'qinht@changhua-chem.example',
  }),
  enterprise({
    key: 'ent_changshou_gangxin_steel',
    name: '重庆钢信特钢有限公司',
    registrationDivision: '500115',
    codeBody: '7093152YR',
    districtCode: '500115',
    address: '重庆市长寿区江南街道钢城大道88号',
    legalRepresentative: '曾德华',
    industryCode: '31',
    keyIndustryCode: 'metallurgy',
    industrialPark: '重庆长寿经济技术开发区',
    hasPermit: true,
    contactName: '付强',
    contactPhone: '023-40241876',
    contactEmail: null,
  }),
  // --- 涪陵区 500102 ---
  enterprise({
    key: 'ent_fuling_jiangdong_chem',
    name: '重庆江东精细化工有限公司',
    registrationDivision: '500102',
    codeBody: 'MA5XF2G6W',
    districtCode: '500102',
    address: '重庆市涪陵区白涛街道化工大道56号',
    legalRepresentative: '夏永平',
    industryCode: '26',
    keyIndustryCode: 'chemicals',
    industrialPark: '重庆白涛化工园区',
    hasPermit: true,
    contactName: '况莉',
    contactPhone: '15923187640',
    contactEmail: 'kuangli@jiangdong-chem.example',
  }),
  enterprise({
    key: 'ent_fuling_wujiang_paper',
    name: '重庆乌江森源纸业有限公司',
    registrationDivision: '500102',
    codeBody: '5562740DP',
    districtCode: '500102',
    address: '重庆市涪陵区李渡街道聚龙大道118号',
    legalRepresentative: '向东',
    industryCode: '22',
    keyIndustryCode: 'papermaking',
    industrialPark: '涪陵区李渡工业园区',
    hasPermit: true,
    contactName: '陈红梅',
    contactPhone: '13594273018',
    contactEmail: null,
  }),
  // --- 綦江区 500110 ---
  enterprise({
    key: 'ent_qijiang_ruifeng_cement',
    name: '重庆瑞丰水泥有限公司',
    registrationDivision: '500110',
    codeBody: '7474126CM',
    districtCode: '500110',
    address: '重庆市綦江区三江街道建材路1号',
    legalRepresentative: '霍长青',
    industryCode: '30',
    keyIndustryCode: 'building_materials',
    industrialPark: '綦江工业园区',
    hasPermit: true,
    contactName: '罗小华',
    contactPhone: '023-48621573',
    contactEmail: 'luoxh@ruifeng-cement.example',
  }),
  enterprise({
    key: 'ent_qijiang_yongsheng_coking',
    name: '重庆永晟焦化有限公司',
    registrationDivision: '500110',
    codeBody: 'MA5U9H3L0',
    districtCode: '500110',
    address: '重庆市綦江区古南街道桥河工业园区27号',
    legalRepresentative: '赵德胜',
    industryCode: '25',
    keyIndustryCode: 'coking',
    industrialPark: '綦江工业园区',
    hasPermit: false,
    contactName: '周玲',
    contactPhone: '18983461205',
    contactEmail: null,
  }),
  // --- 两江新区 500191 (functional zone; its companies register with the city-level market regulator) ---
  enterprise({
    key: 'ent_liangjiang_borui_lithium',
    name: '重庆博锐锂电新能源科技有限公司',
    registrationDivision: '500000',
    codeBody: 'MA60K7P2A',
    districtCode: '500191',
    address: '重庆市两江新区龙兴镇龙兴大道1060号',
    legalRepresentative: '吴浩',
    industryCode: '38',
    keyIndustryCode: 'batteries',
    industrialPark: '两江新区龙兴工业园',
    hasPermit: true,
    contactName: '张倩',
    contactPhone: '17783025948',
    contactEmail: 'zhangqian@borui-li.example',
  }),
  enterprise({
    key: 'ent_liangjiang_xinyuan_pcb',
    name: '重庆鑫源电路板有限公司',
    registrationDivision: '500000',
    codeBody: 'MA5UWB1T8',
    districtCode: '500191',
    address: '重庆市两江新区水土街道云汉大道5号',
    legalRepresentative: '李卫东',
    industryCode: '39',
    keyIndustryCode: null,
    industrialPark: '两江新区水土高新技术产业园',
    hasPermit: true,
    contactName: '孙磊',
    contactPhone: '13320218476',
    contactEmail: 'sunlei@xinyuan-pcb.example',
  }),
  // --- 江津区 500116 ---
  enterprise({
    key: 'ent_jiangjin_degan_grain_oil',
    name: '重庆德丰粮油加工有限公司',
    registrationDivision: '500116',
    codeBody: '6608241LY',
    districtCode: '500116',
    address: '重庆市江津区德感街道长江路102号',
    legalRepresentative: '邹建平',
    industryCode: '13',
    keyIndustryCode: 'agri_food_processing',
    industrialPark: '江津区德感工业园',
    hasPermit: false,
    contactName: '邹敏',
    contactPhone: '023-47521689',
    contactEmail: null,
  }),
];
