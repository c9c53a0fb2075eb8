/**
 * How demo enterprises of each cluster look: where they sit (city or county codes with weights, after the real
 * geography of Liaoning's industries), which GB/T 4754 classes they report, what their names say they make, and
 * which neighbouring clusters some of them also belong to.
 */
export interface ClusterProfile {
  homes: readonly (readonly [regionCode: string, weight: number])[];
  industryCodes: readonly string[];
  products: readonly string[];
  related: readonly string[];
}

const SY = '210100'; // 沈阳
const DL = '210200'; // 大连
const AS = '210300'; // 鞍山
const FS = '210400'; // 抚顺
const BX = '210500'; // 本溪
const DD = '210600'; // 丹东
const JZ = '210700'; // 锦州
const YK = '210800'; // 营口
const FX = '210900'; // 阜新
const LY = '211000'; // 辽阳
const PJ = '211100'; // 盘锦
const TL = '211200'; // 铁岭
const CY = '211300'; // 朝阳
const HLD = '211400'; // 葫芦岛

export const CLUSTER_PROFILES: Readonly<Record<string, ClusterProfile>> = {
  'CNC-MACHINE': {
    homes: [
      [SY, 5],
      [DL, 4],
      ['210281', 2],
      [YK, 1],
    ],
    industryCodes: ['C3421', 'C3422', 'C3425', 'C3321', 'C3451'],
    products: ['数控机床', '精密机床', '机床附件', '数控刀具', '精密轴承', '重型机床', '机床功能部件'],
    related: ['AUTO', 'AEROSPACE', 'HEAVY-MACHINE'],
  },
  AEROSPACE: {
    homes: [
      [SY, 8],
      [DL, 1],
      [FS, 1],
    ],
    industryCodes: ['C3741', 'C3743', 'C3744', 'C3749'],
    products: ['航空零部件', '航空科技', '航空装备', '航空精密制造', '无人机科技', '航空维修工程'],
    related: ['CNC-MACHINE', 'SPECIAL-MATERIAL'],
  },
  'SHIP-OFFSHORE': {
    homes: [
      [DL, 8],
      [HLD, 3],
      [YK, 1],
      [DD, 1],
    ],
    industryCodes: ['C3731', 'C3734', 'C3735', 'C3737'],
    products: ['船舶重工', '海洋工程', '船舶配套', '船用设备', '船舶修造', '游艇制造'],
    related: ['STEEL', 'HEAVY-MACHINE'],
  },
  ROBOT: {
    homes: [
      [SY, 7],
      [DL, 3],
    ],
    industryCodes: ['C3491', 'C3492', 'C3493', 'C4011', 'I6513'],
    products: ['机器人', '智能装备', '自动化', '智能制造', '工业软件', '增材制造'],
    related: ['CNC-MACHINE', 'AUTO', 'IC-EQUIP'],
  },
  'IC-EQUIP': {
    homes: [
      [SY, 6],
      [DL, 4],
    ],
    industryCodes: ['C3562', 'C3973', 'C3985', 'C3972'],
    products: ['半导体设备', '微电子', '芯片科技', '电子材料', '真空技术', '精密零部件'],
    related: ['ROBOT'],
  },
  AUTO: {
    homes: [
      [SY, 6],
      [DL, 3],
      [TL, 2],
      [DD, 1],
      [JZ, 1],
    ],
    industryCodes: ['C3611', 'C3612', 'C3620', 'C3670', 'C3660'],
    products: ['汽车零部件', '汽车部件', '汽车电子', '新能源汽车', '汽车配件', '专用汽车', '动力总成'],
    related: ['RUBBER', 'ROBOT', 'STEEL'],
  },
  'RAIL-TRANSIT': {
    homes: [
      [DL, 5],
      [SY, 4],
      [JZ, 1],
    ],
    industryCodes: ['C3712', 'C3714', 'C3715', 'C3716', 'C3720'],
    products: ['轨道交通装备', '机车配件', '轨道车辆', '铁路器材', '城轨装备', '牵引技术'],
    related: ['POWER-EQUIP', 'NONFERROUS'],
  },
  'POWER-EQUIP': {
    homes: [
      [SY, 5],
      [JZ, 2],
      [AS, 2],
      [YK, 1],
    ],
    industryCodes: ['C3821', 'C3823', 'C3824', 'C3831'],
    products: ['变压器', '电气', '开关设备', '电线电缆', '电力设备', '电力电子'],
    related: ['ENERGY-EQUIP', 'RAIL-TRANSIT'],
  },
  'ENERGY-EQUIP': {
    homes: [
      [SY, 3],
      [DL, 3],
      [FX, 2],
      [CY, 2],
      [JZ, 2],
    ],
    industryCodes: ['C3411', 'C3413', 'C3415', 'C3825', 'C3841'],
    products: ['新能源', '风电设备', '光伏科技', '储能科技', '氢能装备', '能源装备'],
    related: ['POWER-EQUIP', 'SPECIAL-MATERIAL'],
  },
  'HEAVY-MACHINE': {
    homes: [
      [SY, 4],
      [AS, 2],
      [FS, 2],
      [TL, 3],
    ],
    industryCodes: ['C3511', 'C3516', 'C3514', 'C3441', 'C3442', 'C3443'],
    products: ['重型机械', '矿山机械', '阀门', '泵业', '压缩机', '工程机械', '冶金设备'],
    related: ['STEEL', 'GREEN-PETROCHEM'],
  },
  'GREEN-PETROCHEM': {
    homes: [
      [DL, 5],
      [PJ, 4],
      [FS, 3],
      [JZ, 1],
      [HLD, 1],
      [LY, 1],
    ],
    industryCodes: ['C2511', 'C2614', 'C2651', 'C2653'],
    products: ['石化', '石油化工', '炼化', '化工', '石化工程', '润滑油'],
    related: ['FINE-CHEM', 'CHEM-MATERIAL'],
  },
  'FINE-CHEM': {
    homes: [
      [DL, 3],
      [YK, 2],
      [FX, 2],
      [LY, 2],
      [SY, 1],
    ],
    industryCodes: ['C2641', 'C2661', 'C2662', 'C2631'],
    products: ['精细化工', '涂料', '催化剂', '化学品', '助剂', '医药化工'],
    related: ['GREEN-PETROCHEM', 'BIOMED'],
  },
  'CHEM-MATERIAL': {
    homes: [
      [DL, 3],
      [PJ, 3],
      [FS, 2],
      [LY, 1],
    ],
    industryCodes: ['C2652', 'C2659', 'C2669', 'C2653'],
    products: ['新材料', '高分子材料', '工程塑料', '化工新材料', '膜科技', '电池材料'],
    related: ['GREEN-PETROCHEM', 'RUBBER'],
  },
  RUBBER: {
    homes: [
      [SY, 4],
      [DL, 3],
      [AS, 1],
      [TL, 1],
    ],
    industryCodes: ['C2911', 'C2912', 'C2913', 'C2921', 'C2922'],
    products: ['橡胶', '轮胎', '胶带', '密封件', '塑料制品', '橡塑'],
    related: ['AUTO', 'CHEM-MATERIAL'],
  },
  STEEL: {
    homes: [
      [AS, 6],
      [BX, 4],
      [YK, 1],
      [SY, 1],
    ],
    industryCodes: ['C3110', 'C3120', 'C3130', 'C3140', 'B0810'],
    products: ['钢铁', '特钢', '钢材加工', '冶金', '矿业', '钢管'],
    related: ['MAGNESITE', 'HEAVY-MACHINE'],
  },
  MAGNESITE: {
    homes: [
      ['210882', 3],
      [YK, 2],
      ['210381', 3],
      [AS, 1],
      [DD, 1],
    ],
    industryCodes: ['C3089', 'B1013', 'C2613', 'C3217'],
    products: ['镁业', '耐火材料', '镁质材料', '矿产', '镁合金', '新材料'],
    related: ['STEEL'],
  },
  NONFERROUS: {
    homes: [
      [YK, 2],
      [HLD, 3],
      [CY, 2],
      [FS, 2],
      [SY, 1],
    ],
    industryCodes: ['C3216', 'C3240', 'C3251', 'C3252'],
    products: ['铝业', '铜业', '锌业', '有色金属', '钼业', '铝型材'],
    related: ['AUTO', 'RAIL-TRANSIT'],
  },
  'SPECIAL-MATERIAL': {
    homes: [
      [DD, 3],
      [JZ, 3],
      [AS, 2],
      [DL, 1],
    ],
    industryCodes: ['C3091', 'C3073', 'C3062', 'C3985'],
    products: ['碳纤维', '特种陶瓷', '碳素', '硅材料', '复合材料', '功能材料'],
    related: ['AEROSPACE', 'ENERGY-EQUIP'],
  },
  FOOD: {
    homes: [
      [SY, 3],
      [DL, 3],
      [DD, 2],
      [TL, 2],
      [JZ, 1],
      [CY, 1],
      [PJ, 1],
      [FX, 1],
    ],
    industryCodes: ['C1311', 'C1351', 'C1352', 'C1361', 'C1441', 'C1512', 'C1513'],
    products: ['食品', '粮油', '乳业', '海珍品', '肉食品', '酒业', '米业', '果业'],
    related: ['BIOMED'],
  },
  BIOMED: {
    homes: [
      [SY, 4],
      [DL, 3],
      [BX, 4],
    ],
    industryCodes: ['C2710', 'C2720', 'C2740', 'C2761', 'C2762', 'C3581'],
    products: ['制药', '药业', '生物科技', '生物制药', '医疗器械', '中药'],
    related: ['FINE-CHEM', 'FOOD'],
  },
  FURNITURE: {
    homes: [
      [SY, 8],
      [DL, 1],
      [TL, 1],
    ],
    industryCodes: ['C2110', 'C2130', 'C2190', 'C2022'],
    products: ['家具', '家居', '木业', '实木家具', '办公家具', '定制家居'],
    related: ['TEXTILE'],
  },
  TEXTILE: {
    homes: [
      [LY, 3],
      [DL, 3],
      ['211481', 3],
      [DD, 2],
      [SY, 1],
    ],
    industryCodes: ['C1711', 'C1810', 'C1820', 'C2822'],
    products: ['服饰', '服装', '纺织', '泳装', '化纤', '针织'],
    related: ['FURNITURE', 'CHEM-MATERIAL'],
  },
};

/** Where an enterprise of no particular home lands: every city, weighted toward 沈阳 and 大连. */
export const CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  [SY, 20],
  [DL, 20],
  [AS, 8],
  [FS, 5],
  [BX, 4],
  [DD, 5],
  [JZ, 6],
  [YK, 7],
  [FX, 3],
  [LY, 4],
  [PJ, 5],
  [TL, 4],
  [CY, 3],
  [HLD, 5],
];
