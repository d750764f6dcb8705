/** The 15 key industries named in the Chongqing notice (渝环办〔2021〕24号), in the notice's order. */

export interface KeyIndustrySeed {
  code: string;
  name: string;
  nameEn: string;
  sort: number;
}

const ROWS: readonly (readonly [code: string, name: string, nameEn: string])[] = [
  ['energy', '能源', 'Energy'],
  ['metallurgy', '冶金', 'Metallurgy'],
  ['coking', '焦化', 'Coking'],
  ['building_materials', '建材', 'Building materials'],
  ['nonferrous', '有色', 'Non-ferrous metals'],
  ['chemicals', '化工', 'Chemicals'],
  ['dyeing', '印染', 'Printing and dyeing of textiles'],
  ['papermaking', '造纸', 'Papermaking'],
  ['apis', '原料药', 'Active pharmaceutical ingredients'],
  ['electroplating', '电镀', 'Electroplating'],
  ['agri_food_processing', '农副食品加工', 'Agricultural and sideline food processing'],
  ['industrial_coating', '工业涂装', 'Industrial coating'],
  ['packaging', '包装', 'Packaging'],
  ['printing', '印刷', 'Printing'],
  ['batteries', '电池', 'Batteries'],
];

export const keyIndustries: readonly KeyIndustrySeed[] = ROWS.map(([code, name, nameEn], index) => ({
  code,
  name,
  nameEn,
  sort: index + 1,
}));
