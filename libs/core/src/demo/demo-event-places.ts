/**
 * Where demo events happen: venues in Liaoning's cities, fairs outside the province that associations take
 * delegations (展团) to, and places study tours (考察) visit. Fair editions follow the real series.
 */

export const CITY_VENUES: Readonly<Record<string, readonly string[]>> = {
  '210100': [
    '沈阳国际展览中心',
    '沈阳新世界博览馆',
    '辽宁工业展览馆',
    '沈阳市科技馆报告厅',
    '辽宁大厦会议中心',
  ],
  '210200': ['大连世界博览广场', '大连国际会议中心', '大连星海会展中心', '大连软件园国际会议中心'],
  '210300': ['鞍山国际会展中心', '鞍山市工商联会议中心'],
  '210400': ['抚顺市会展中心', '抚顺高新区企业服务中心'],
  '210500': ['本溪中国药都会展中心', '本溪市行政中心会议室'],
  '210600': ['丹东国际会展中心', '丹东市企业服务中心'],
  '210700': ['锦州世博园会展中心', '锦州市企业家活动中心'],
  '210800': ['营口国际会展中心', '营口市企业服务中心'],
  '210900': ['阜新市会展中心', '阜新高新区会议中心'],
  '211000': ['辽阳市会展中心', '辽阳市企业服务中心'],
  '211100': ['盘锦国际会展中心', '辽东湾新区企业服务中心'],
  '211200': ['铁岭市会展中心', '铁岭市工商联会议中心'],
  '211300': ['朝阳市会展中心', '朝阳市企业服务中心'],
  '211400': ['葫芦岛市会展中心', '兴城泳装产业园展示中心'],
};

export interface OutsideFair {
  /** The fair's name in a year, or null when it is not held that year. */
  name: (year: number) => string | null;
  regionCode: string;
  venue: string;
  clusters: readonly string[];
  month: number;
}

const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 26 → 二十六 (for edition numbers up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return cn[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : cn[tens]}十${cn[n % 10]}`;
}
const nth = (first: number, firstYear: number) => (year: number) =>
  `第${chineseNumber(first + year - firstYear)}届`;

export const OUTSIDE_FAIRS: readonly OutsideFair[] = [
  {
    name: (y) => `${nth(25, 2025)(y)}中国国际工业博览会`,
    regionCode: '310000',
    venue: '国家会展中心（上海）',
    clusters: ['CNC-MACHINE', 'ROBOT', 'POWER-EQUIP', 'HEAVY-MACHINE', 'AUTO', 'AEROSPACE'],
    month: 9,
  },
  {
    name: (y) => `SEMICON China ${y}`,
    regionCode: '310000',
    venue: '上海新国际博览中心',
    clusters: ['IC-EQUIP'],
    month: 3,
  },
  {
    name: (y) => `${nth(27, 2025)(y)}中国国际高新技术成果交易会`,
    regionCode: '440300',
    venue: '深圳国际会展中心',
    clusters: ['ROBOT', 'IC-EQUIP', 'ENERGY-EQUIP', 'BIOMED'],
    month: 11,
  },
  {
    name: (y) => (y === 2026 ? '第十六届中国国际航空航天博览会' : null),
    regionCode: '440400',
    venue: '珠海国际航展中心',
    clusters: ['AEROSPACE', 'SPECIAL-MATERIAL'],
    month: 11,
  },
  {
    // CIMT is held in Beijing in odd years (CCMT, in even years, is in Shanghai).
    name: (y) => (y % 2 === 1 ? `${nth(19, 2025)(y)}中国国际机床展览会（CIMT${y}）` : null),
    regionCode: '110000',
    venue: '中国国际展览中心（顺义馆）',
    clusters: ['CNC-MACHINE'],
    month: 4,
  },
  {
    name: (y) => `${nth(37, 2025)(y)}中国国际塑料橡胶工业展览会`,
    regionCode: '440300',
    venue: '深圳国际会展中心',
    clusters: ['RUBBER', 'CHEM-MATERIAL'],
    month: 4,
  },
  {
    name: (y) => `${nth(8, 2025)(y)}中国国际进口博览会`,
    regionCode: '310000',
    venue: '国家会展中心（上海）',
    clusters: ['FOOD', 'BIOMED', 'FURNITURE'],
    month: 11,
  },
  {
    name: (y) => `${y}世界制造业大会`,
    regionCode: '340100',
    venue: '合肥滨湖国际会展中心',
    clusters: ['AUTO', 'ENERGY-EQUIP', 'ROBOT'],
    month: 9,
  },
  {
    name: (y) => `${nth(25, 2025)(y)}中国国际石油石化技术装备展览会`,
    regionCode: '110000',
    venue: '中国国际展览中心（顺义馆）',
    clusters: ['GREEN-PETROCHEM', 'HEAVY-MACHINE', 'FINE-CHEM'],
    month: 3,
  },
  {
    name: (y) => `${nth(55, 2025)(y)}中国（上海）国际家具博览会`,
    regionCode: '310000',
    venue: '上海虹桥国家会展中心',
    clusters: ['FURNITURE'],
    month: 9,
  },
  {
    name: (y) => `${nth(137, 2025)(y)}中国进出口商品交易会（广交会）`,
    regionCode: '440100',
    venue: '中国进出口商品交易会展馆',
    clusters: ['TEXTILE', 'FURNITURE', 'FOOD', 'RUBBER'],
    month: 4,
  },
  {
    name: (y) => `${y}中国国际纺织面料及辅料（秋冬）博览会`,
    regionCode: '310000',
    venue: '国家会展中心（上海）',
    clusters: ['TEXTILE'],
    month: 8,
  },
  {
    name: (y) => `${y}北京国际风能大会暨展览会`,
    regionCode: '110000',
    venue: '中国国际展览中心（顺义馆）',
    clusters: ['ENERGY-EQUIP', 'POWER-EQUIP'],
    month: 10,
  },
  {
    name: (y) => `${y}中国国际轨道交通和装备制造产业博览会`,
    regionCode: '430100',
    venue: '长沙国际会展中心',
    clusters: ['RAIL-TRANSIT'],
    month: 6,
  },
  {
    name: (y) => (y === 2025 ? '2025中国国际海事会展' : null),
    regionCode: '310000',
    venue: '上海新国际博览中心',
    clusters: ['SHIP-OFFSHORE'],
    month: 12,
  },
  {
    name: (y) => `${y}世界制药原料中国展（CPHI China）`,
    regionCode: '310000',
    venue: '上海新国际博览中心',
    clusters: ['BIOMED', 'FINE-CHEM'],
    month: 6,
  },
  {
    name: (y) => `${y}中国国际冶金工业展览会`,
    regionCode: '310000',
    venue: '上海新国际博览中心',
    clusters: ['STEEL', 'MAGNESITE', 'NONFERROUS'],
    month: 5,
  },
];

export interface TourDestination {
  place: string;
  regionCode: string;
  topic: string;
  clusters: readonly string[];
  /** Local firms a tour reaches agreements with: external partners of intents. */
  partners: readonly string[];
}

export const TOUR_DESTINATIONS: readonly TourDestination[] = [
  {
    place: '海南儋州',
    regionCode: '460400',
    topic: '天然橡胶',
    clusters: ['RUBBER'],
    partners: ['海南儋州天胶产业发展有限公司', '儋州洋浦橡胶供应链有限公司'],
  },
  {
    place: '江苏苏州',
    regionCode: '320500',
    topic: '半导体装备',
    clusters: ['IC-EQUIP', 'ROBOT'],
    partners: ['苏州工业园区晶芯精密设备有限公司', '苏州华擎半导体材料有限公司'],
  },
  {
    place: '浙江宁波',
    regionCode: '330200',
    topic: '模具及汽车零部件',
    clusters: ['AUTO', 'CNC-MACHINE'],
    partners: ['宁波北仑精铸模具有限公司', '宁波甬达汽车部件有限公司'],
  },
  {
    place: '广东佛山',
    regionCode: '440600',
    topic: '家具',
    clusters: ['FURNITURE'],
    partners: ['佛山顺德龙江家居供应链有限公司', '佛山南海木业贸易有限公司'],
  },
  {
    place: '山东青岛',
    regionCode: '370200',
    topic: '轮胎及橡胶制品',
    clusters: ['RUBBER', 'CHEM-MATERIAL'],
    partners: ['青岛黄海橡塑贸易有限公司', '青岛西海岸轮胎进出口有限公司'],
  },
  {
    place: '上海张江',
    regionCode: '310000',
    topic: '生物医药',
    clusters: ['BIOMED', 'IC-EQUIP'],
    partners: ['上海张江生物医药孵化器有限公司', '上海浦东医药研发服务有限公司'],
  },
  {
    place: '江苏常州',
    regionCode: '320400',
    topic: '新能源及储能',
    clusters: ['ENERGY-EQUIP', 'POWER-EQUIP'],
    partners: ['常州武进新能源科技有限公司', '常州天宁储能系统有限公司'],
  },
  {
    place: '广东深圳',
    regionCode: '440300',
    topic: '智能制造',
    clusters: ['ROBOT', 'IC-EQUIP', 'AUTO'],
    partners: ['深圳南山智造科技有限公司', '深圳宝安精密电子有限公司'],
  },
  {
    place: '四川成都',
    regionCode: '510100',
    topic: '航空装备',
    clusters: ['AEROSPACE', 'SPECIAL-MATERIAL'],
    partners: ['成都天府航空配套有限公司', '成都蓉航精密制造有限公司'],
  },
  {
    place: '山东淄博',
    regionCode: '370300',
    topic: '化工新材料',
    clusters: ['FINE-CHEM', 'CHEM-MATERIAL', 'GREEN-PETROCHEM'],
    partners: ['淄博齐鲁新材料贸易有限公司', '淄博临淄精细化工有限公司'],
  },
  {
    place: '江苏连云港',
    regionCode: '320700',
    topic: '石化产业基地',
    clusters: ['GREEN-PETROCHEM'],
    partners: ['连云港徐圩石化物流有限公司'],
  },
  {
    place: '浙江绍兴',
    regionCode: '330600',
    topic: '纺织印染',
    clusters: ['TEXTILE'],
    partners: ['绍兴柯桥轻纺贸易有限公司', '绍兴越城印染科技有限公司'],
  },
  {
    place: '河北唐山',
    regionCode: '130200',
    topic: '钢铁',
    clusters: ['STEEL', 'MAGNESITE'],
    partners: ['唐山曹妃甸钢材物流有限公司'],
  },
  {
    place: '湖南株洲',
    regionCode: '430200',
    topic: '轨道交通装备',
    clusters: ['RAIL-TRANSIT', 'POWER-EQUIP'],
    partners: ['株洲田心轨道配件有限公司', '株洲湘江电气有限公司'],
  },
  {
    place: '河南洛阳',
    regionCode: '410300',
    topic: '矿山装备',
    clusters: ['HEAVY-MACHINE', 'NONFERROUS'],
    partners: ['洛阳涧西矿机配套有限公司', '洛阳伊川钼业贸易有限公司'],
  },
  {
    place: '山东烟台',
    regionCode: '370600',
    topic: '海工装备',
    clusters: ['SHIP-OFFSHORE', 'FOOD'],
    partners: ['烟台芝罘海工配套有限公司', '烟台蓬莱海产品贸易有限公司'],
  },
  {
    place: '陕西西安',
    regionCode: '610100',
    topic: '航空航天',
    clusters: ['AEROSPACE', 'CNC-MACHINE'],
    partners: ['西安阎良航空配套有限公司'],
  },
];

/** Partners met at outside fairs, by the fair's region: firms of the host city. */
export const FAIR_PARTNER_PREFIX: Readonly<Record<string, string>> = {
  '310000': '上海',
  '440300': '深圳',
  '440400': '珠海',
  '110000': '北京',
  '340100': '合肥',
  '440100': '广州',
  '430100': '长沙',
};
