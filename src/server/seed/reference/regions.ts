/**
 * Administrative regions of Chongqing (GB/T 2260 codes).
 *
 * Chongqing is a municipality directly under the central government: it is modelled as a single
 * 'city' row (its bureau is the "city bureau") with 41 district-level management units below it.
 * The hierarchy is generic (province → city → district) so another city or province can be seeded.
 */

export type RegionLevel = 'province' | 'city' | 'district';
export type RegionKind = 'municipality' | 'district' | 'county' | 'autonomous_county' | 'functional_zone';

export interface RegionSeed {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  sort: number;
}

export const CHONGQING_CODE = '500000';

type UnitRow = readonly [code: string, name: string, nameEn: string, kind: Exclude<RegionKind, 'municipality'>];

/** District-level units in official order (26 districts, 8 counties, 4 autonomous counties, 3 zones). */
const CHONGQING_UNITS: readonly UnitRow[] = [
  // 26 districts (市辖区)
  ['500103', '渝中区', 'Yuzhong District', 'district'],
  ['500104', '大渡口区', 'Dadukou District', 'district'],
  ['500105', '江北区', 'Jiangbei District', 'district'],
  ['500106', '沙坪坝区', 'Shapingba District', 'district'],
  ['500107', '九龙坡区', 'Jiulongpo District', 'district'],
  ['500108', '南岸区', "Nan'an District", 'district'],
  ['500109', '北碚区', 'Beibei District', 'district'],
  ['500112', '渝北区', 'Yubei District', 'district'],
  ['500113', '巴南区', 'Banan District', 'district'],
  ['500101', '万州区', 'Wanzhou District', 'district'],
  ['500102', '涪陵区', 'Fuling District', 'district'],
  ['500114', '黔江区', 'Qianjiang District', 'district'],
  ['500115', '长寿区', 'Changshou District', 'district'],
  ['500116', '江津区', 'Jiangjin District', 'district'],
  ['500117', '合川区', 'Hechuan District', 'district'],
  ['500118', '永川区', 'Yongchuan District', 'district'],
  ['500119', '南川区', 'Nanchuan District', 'district'],
  ['500110', '綦江区', 'Qijiang District', 'district'],
  ['500111', '大足区', 'Dazu District', 'district'],
  ['500120', '璧山区', 'Bishan District', 'district'],
  ['500151', '铜梁区', 'Tongliang District', 'district'],
  ['500152', '潼南区', 'Tongnan District', 'district'],
  ['500153', '荣昌区', 'Rongchang District', 'district'],
  ['500154', '开州区', 'Kaizhou District', 'district'],
  ['500155', '梁平区', 'Liangping District', 'district'],
  ['500156', '武隆区', 'Wulong District', 'district'],
  // 8 counties (县)
  ['500229', '城口县', 'Chengkou County', 'county'],
  ['500230', '丰都县', 'Fengdu County', 'county'],
  ['500231', '垫江县', 'Dianjiang County', 'county'],
  ['500233', '忠县', 'Zhong County', 'county'],
  ['500235', '云阳县', 'Yunyang County', 'county'],
  ['500236', '奉节县', 'Fengjie County', 'county'],
  ['500237', '巫山县', 'Wushan County', 'county'],
  ['500238', '巫溪县', 'Wuxi County', 'county'],
  // 4 autonomous counties (自治县)
  ['500240', '石柱土家族自治县', 'Shizhu Tujia Autonomous County', 'autonomous_county'],
  ['500241', '秀山土家族苗族自治县', 'Xiushan Tujia and Miao Autonomous County', 'autonomous_county'],
  ['500242', '酉阳土家族苗族自治县', 'Youyang Tujia and Miao Autonomous County', 'autonomous_county'],
  ['500243', '彭水苗族土家族自治县', 'Pengshui Miao and Tujia Autonomous County', 'autonomous_county'],
  // 3 functional zones with their own environment bureau. They have no GB/T 2260 code:
  // 500191–500193 are INTERNAL codes of this system (unused in GB/T 2260), not official codes.
  ['500191', '两江新区', 'Liangjiang New Area', 'functional_zone'],
  ['500192', '重庆高新区', 'Chongqing High-tech Zone', 'functional_zone'],
  ['500193', '万盛经开区', 'Wansheng Economic Development Zone', 'functional_zone'],
];

export const regions: readonly RegionSeed[] = [
  {
    code: CHONGQING_CODE,
    name: '重庆市',
    nameEn: 'Chongqing',
    level: 'city',
    kind: 'municipality',
    parentCode: null,
    sort: 0,
  },
  ...CHONGQING_UNITS.map(
    ([code, name, nameEn, kind], index): RegionSeed => ({
      code,
      name,
      nameEn,
      level: 'district',
      kind,
      parentCode: CHONGQING_CODE,
      sort: index + 1,
    }),
  ),
];
