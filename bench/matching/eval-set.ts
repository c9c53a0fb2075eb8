/**
 * Q1 evaluation set: postings across 14 of Liaoning's clusters, judged as an association staffer would.
 * Every demand is a query (graded 0–3 against the supplies: 3 = exactly what is asked, 2 = a strong lead,
 * 1 = worth a call, unlisted = 0). A few supplies are queries too (graded against the demands).
 * Traps: aliases only one side uses (CNC/数控, PP/聚丙烯, SBR/丁苯橡胶, PCB/线路板, PLC, AGV, MDF …), postings of the
 * wrong kind, expired, draft or closed postings and the querying enterprise's own supplies: these must never
 * come back (the benchmark counts them as forbidden pairs). And contact details: like real postings, each ends
 * with its enterprise's contact line (seven surnames and the cities' area codes, shared by unrelated enterprises),
 * which must not make postings match.
 */
import type { EnterpriseTier, MatchDocument, PostingCategory } from '@app/match-engine';

export const EVAL_TODAY = '2025-06-01';

export const EVAL_NEIGHBOURS = new Map<string, string[]>([
  ['cnc', ['aero', 'auto', 'robot', 'rail']],
  ['robot', ['auto', 'ic']],
  ['auto', ['steel', 'rubber']],
  ['petro', ['rubber', 'pharma']],
  ['steel', ['mg', 'ship', 'rail']],
  ['ship', ['rail']],
  ['food', ['furn']],
]);

type Extra = { validUntil?: string | null; status?: MatchDocument['status'] };
const docs: MatchDocument[] = [];
/** query id → candidate id → grade */
export const QRELS = new Map<string, Map<string, number>>();

function add(
  kind: MatchDocument['kind'],
  id: string,
  enterpriseId: string,
  category: PostingCategory,
  clusterId: string,
  regionCode: string,
  tier: EnterpriseTier | null,
  title: string,
  description: string,
  keywords: string,
  extra: Extra = {},
): void {
  docs.push({
    id,
    enterpriseId,
    kind,
    category,
    clusterId,
    regionCode,
    tier,
    title,
    description: `${description}。${contactLine(enterpriseId, regionCode)}`,
    keywords: keywords ? keywords.split(' ') : [],
    validUntil: extra.validUntil === undefined ? '2025-12-31' : extra.validUntil,
    status: extra.status ?? 'published',
  });
}

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵'];
/** Area codes by city (GB/T 2260 ÷ 100): 沈阳 024, 大连 0411, … */
const AREA_CODES: Record<string, string> = {
  '2101': '024',
  '2102': '0411',
  '2103': '0412',
  '2104': '0413',
  '2105': '0414',
  '2106': '0415',
  '2107': '0416',
  '2108': '0417',
  '2110': '0419',
  '2111': '0427',
  '2112': '0410',
  '2114': '0429',
};

/** The enterprise's contact line, the same on each of its postings. */
function contactLine(enterpriseId: string, regionCode: string): string {
  let h = 0;
  for (let i = 0; i < enterpriseId.length; i++) h = (h * 31 + enterpriseId.charCodeAt(i)) >>> 0;
  const surname = SURNAMES[h % SURNAMES.length];
  const title = h % 2 ? '先生' : '女士';
  const number = String(20000000 + (h % 70000000));
  return `联系人：${surname}${title}，电话：${AREA_CODES[regionCode.slice(0, 4)] ?? '024'}-${number}`;
}

/** A query posting with its judgments `candidateId:grade …`. */
function judged(rel: string, ...args: Parameters<typeof add>): void {
  add(...args);
  QRELS.set(
    args[1],
    new Map(
      rel
        .split(' ')
        .filter((p) => p.length > 0)
        .map((p) => {
          const [id, g] = p.split(':');
          return [id, Number(g)];
        }),
    ),
  );
}
const D = (rel: string, ...a: Tail) => judged(rel, 'demand', ...a);
const S = (...a: Tail) => add('supply', ...a);
const SQ = (rel: string, ...a: Tail) => judged(rel, 'supply', ...a);
type Tail = [
  string,
  string,
  PostingCategory,
  string,
  string,
  EnterpriseTier | null,
  string,
  string,
  string,
  Extra?,
];

// ── 数控机床 (沈阳 铁西 / 大连) ─────────────────────────────────────────────
S(
  'S-cnc-1',
  'E-syjc',
  'equipment',
  'cnc',
  '210106',
  'leading',
  'CNC五轴联动加工中心',
  '自主数控系统，立式五轴加工中心，适用于叶轮、机匣、模具等复杂曲面零件，提供安装调试与操作培训',
  'CNC 五轴联动 加工中心',
);
S(
  'S-cnc-2',
  'E-dljc',
  'equipment',
  'cnc',
  '210213',
  'backbone',
  '数控车床及车铣复合机床',
  '卧式数控车床、车铣复合加工中心，配液压卡盘和动力刀塔，适合轴类盘类零件批量加工',
  '数控车床 车铣复合',
);
S(
  'S-cnc-3',
  'E-gsjc',
  'service',
  'cnc',
  '210106',
  'key',
  '旧机床数控改造与再制造',
  '普通车床、铣床加装数控系统，主轴、导轨修复，机床再制造，质保一年',
  '数控改造 机床再制造 机床维修',
);
S(
  'S-cnc-4',
  'E-sydj',
  'product',
  'cnc',
  '210112',
  'key',
  '电主轴与滚珠丝杠',
  '高速电主轴、精密滚珠丝杠、直线导轨等机床功能部件，可替代进口',
  '电主轴 滚珠丝杠 直线导轨',
);
S(
  'S-cnc-5',
  'E-hgcl',
  'product',
  'cnc',
  '210211',
  null,
  '硬质合金刀具',
  '硬质合金数控刀片、整体立铣刀、钻头，适用于钛合金和高温合金加工',
  '硬质合金刀具 数控刀片 铣刀',
);
S(
  'S-cnc-6',
  'E-syzz',
  'capacity',
  'cnc',
  '210106',
  'backbone',
  '机床铸件及床身加工',
  '树脂砂铸造机床床身、立柱，HT300灰铸铁，时效处理后精加工',
  '机床铸件 床身 铸造',
);
S(
  'S-cnc-x1',
  'E-old1',
  'equipment',
  'cnc',
  '210106',
  'backbone',
  '五轴联动数控机床',
  '五轴联动加工中心低价处理',
  '五轴联动 数控机床',
  { validUntil: '2025-03-31' },
);
S(
  'S-cnc-x2',
  'E-syht',
  'equipment',
  'cnc',
  '210106',
  'key',
  '五轴联动加工中心',
  '本企业自产五轴联动加工中心',
  '五轴联动 加工中心',
);
D(
  'S-q-1:3 S-cnc-1:3 S-cnc-2:1 S-cnc-3:1',
  'D-cnc-1',
  'E-syht',
  'equipment',
  'cnc',
  '210112',
  'leading',
  '求购五轴联动数控机床',
  '用于航空发动机机匣和整体叶盘加工，需要五轴联动加工中心两台，要求定位精度0.005毫米',
  '五轴联动 数控机床 加工中心',
);
D(
  'S-cnc-2:3 S-cnc-1:1',
  'D-cnc-2',
  'E-tlqp',
  'equipment',
  'auto',
  '211202',
  'backbone',
  '采购CNC车床用于曲轴加工',
  '汽车曲轴、凸轮轴车削工序设备更新，需要CNC车床或车铣复合机床6台',
  'CNC车床 曲轴 车铣复合',
);
D(
  'S-cnc-3:3 S-cnc-4:1',
  'D-cnc-3',
  'E-fsjx',
  'service',
  'cnc',
  '210402',
  null,
  '老旧机床数控化改造',
  '厂内20台普通车床、铣床需要加装数控系统并修复导轨，寻找改造服务商',
  '数控改造 机床维修',
);
D(
  'S-cnc-4:3',
  'D-cnc-4',
  'E-dljc',
  'product',
  'cnc',
  '210213',
  'backbone',
  '求购精密滚珠丝杠和直线导轨',
  '加工中心配套滚珠丝杠、直线导轨国产化替代，年需求2000套',
  '滚珠丝杠 直线导轨 国产化替代',
);
D(
  'S-cnc-5:3',
  'D-cnc-5',
  'E-lyhk',
  'product',
  'aero',
  '210112',
  'leading',
  '钛合金加工刀具采购',
  '航空钛合金结构件铣削，需要硬质合金立铣刀和数控刀片，寿命要求高',
  '刀具 钛合金 硬质合金刀具',
);
D(
  '',
  'D-cnc-x',
  'E-xdem',
  'equipment',
  'cnc',
  '210106',
  null,
  '求购五轴联动加工中心',
  '另一家企业也在找五轴联动加工中心',
  '五轴联动 加工中心',
);

// ── 机器人与智能制造 (沈阳 浑南) ───────────────────────────────────────────
S(
  'S-rob-1',
  'E-xsrb',
  'equipment',
  'robot',
  '210112',
  'leading',
  '焊接机器人工作站',
  '弧焊机器人、变位机、焊接电源集成工作站，适用于汽车零部件和工程机械结构件焊接',
  '焊接机器人 焊接工作站 弧焊机器人',
);
S(
  'S-rob-2',
  'E-xsrb',
  'equipment',
  'robot',
  '210112',
  'leading',
  '晶圆搬运真空机器人',
  '洁净真空机器人、大气机械手，用于12英寸晶圆传输，适配刻蚀和薄膜设备',
  '真空机器人 晶圆搬运机器人 洁净机器人',
);
S(
  'S-rob-3',
  'E-syzn',
  'equipment',
  'robot',
  '210113',
  'key',
  'AGV自动导引车及智能仓储',
  '激光导航AGV、立体仓库、WMS仓储管理系统，一站式厂内物流',
  'AGV 立体仓库 WMS',
);
S(
  'S-rob-4',
  'E-dlzt',
  'product',
  'robot',
  '210211',
  'backbone',
  'RV减速器和谐波减速器',
  '工业机器人关节用RV减速器、谐波减速器，精度保持性好，可批量供货',
  'RV减速器 谐波减速器',
);
S(
  'S-rob-5',
  'E-sysk',
  'service',
  'robot',
  '210112',
  null,
  '机器视觉检测系统集成',
  '工业相机、视觉检测软件，表面缺陷检测与尺寸测量，产线集成',
  '机器视觉 视觉检测 工业相机',
);
S(
  'S-rob-6',
  'E-ynkj',
  'equipment',
  'robot',
  '210106',
  'key',
  'PLC控制柜与自动化产线改造',
  'PLC可编程控制器、变频器、人机界面成套控制柜，老旧产线自动化改造',
  'PLC 变频器 自动化生产线',
);
S(
  'S-rob-x1',
  'E-old2',
  'equipment',
  'robot',
  '210112',
  null,
  '码垛机器人',
  '码垛机器人及产线',
  '码垛机器人',
  { status: 'draft' },
);
D(
  'S-rob-1:3 S-cnc-2:0',
  'D-rob-1',
  'E-hcqc',
  'equipment',
  'auto',
  '210106',
  'leading',
  '车身焊装线焊接机器人',
  '新车型车身焊装线需新增焊接机器人40台及工作站集成',
  '焊接机器人 焊装',
);
D(
  'S-rob-2:3 S-ic-1:1',
  'D-rob-2',
  'E-txic',
  'equipment',
  'ic',
  '210112',
  'backbone',
  '求购晶圆传输机械手',
  '刻蚀机设备配套大气机械手和真空机械手，12英寸',
  '机械手 晶圆 真空机器人',
);
D(
  'S-rob-3:3',
  'D-rob-3',
  'E-syyy',
  'equipment',
  'pharma',
  '210113',
  null,
  '自动导引小车及仓储系统',
  '药品仓库需要自动导引小车和仓储管理系统，实现自动出入库',
  '自动导引车 仓储管理系统 智能仓储',
);
D(
  'S-rob-4:3',
  'D-rob-4',
  'E-xsrb',
  'product',
  'robot',
  '210112',
  'leading',
  '机器人关节减速机国产化',
  '六轴工业机器人关节减速机，RV和谐波两类，年采购1万台',
  '减速机 RV减速器 谐波减速器',
);
D(
  'S-rob-5:3 S-ic-6:1',
  'D-rob-5',
  'E-bxgt',
  'service',
  'steel',
  '210502',
  'leading',
  '冷轧板表面缺陷视觉检测',
  '冷轧产线需要机器视觉表面缺陷检测系统',
  '视觉检测 机器视觉 冷轧板',
);
D(
  'S-q-5:3 S-rob-6:3',
  'D-rob-6',
  'E-asfd',
  'equipment',
  'food',
  '210302',
  null,
  '包装线可编程逻辑控制器改造',
  '食品包装线控制系统老化，需要可编程逻辑控制器和触摸屏改造',
  '可编程逻辑控制器 触摸屏 智能化改造',
);

// ── 汽车零部件 (沈阳 大东 / 铁岭) ─────────────────────────────────────────
S(
  'S-auto-1',
  'E-tlqp',
  'capacity',
  'auto',
  '211202',
  'backbone',
  '汽车冲压件及焊装总成配套',
  '800吨伺服压力机线，车身冲压件、焊装总成，IATF16949认证',
  '冲压件 焊装 汽车零部件',
);
S(
  'S-auto-2',
  'E-sylg',
  'product',
  'auto',
  '210104',
  'key',
  '铝合金压铸件',
  '新能源汽车电驱壳体、电池包壳体铝合金压铸，一体化压铸开发',
  '铝合金压铸 压铸件 一体化压铸',
);
S(
  'S-auto-3',
  'E-hcqc',
  'product',
  'auto',
  '210106',
  'leading',
  '汽车线束总成',
  '整车线束、高压线束，具备新能源车型配套经验',
  '线束 汽车线束',
);
S(
  'S-auto-4',
  'E-dlzb',
  'product',
  'auto',
  '210213',
  'backbone',
  '制动盘和刹车片',
  '乘用车制动盘、低金属刹车片，主机厂配套',
  '制动盘 刹车片',
);
S(
  'S-auto-5',
  'E-symj',
  'service',
  'auto',
  '210106',
  'key',
  '汽车冲压模具设计制造',
  '覆盖件冲压模具、检具设计制造，模具调试',
  '冲压模具 汽车模具 检具',
);
S(
  'S-auto-6',
  'E-nyzd',
  'product',
  'auto',
  '210112',
  null,
  '动力锂电池模组与BMS',
  '动力锂电池模组、电池管理系统BMS开发，支持定制',
  '动力电池 电池管理系统',
);
S(
  'S-auto-x1',
  'E-hcqc',
  'capacity',
  'auto',
  '210106',
  'leading',
  '冲压件加工产能',
  '本企业冲压车间富余产能承接车身冲压件',
  '冲压件',
);
D(
  'S-auto-1:3 S-auto-5:1 S-auto-x1:0',
  'D-auto-1',
  'E-hcqc',
  'capacity',
  'auto',
  '210106',
  'leading',
  '车身冲压件外协配套',
  '新车型年产10万辆，车身冲压件和焊装总成寻找本地配套',
  '冲压件 焊装 汽车零部件',
);
D(
  'S-auto-2:3',
  'D-auto-2',
  'E-nyzd',
  'product',
  'auto',
  '210112',
  null,
  '电驱壳体压铸件采购',
  '驱动电机壳体、减速器壳体铝合金压铸件，年需求5万件',
  '压铸件 驱动电机 铝合金压铸',
);
D(
  'S-auto-4:3',
  'D-auto-3',
  'E-tlqp',
  'product',
  'auto',
  '211202',
  'backbone',
  '求购刹车盘和制动片',
  '商用车刹车盘、制动片配套供应商',
  '刹车盘 制动片',
);
D(
  'S-auto-6:3',
  'D-auto-4',
  'E-hcqc',
  'product',
  'auto',
  '210106',
  'leading',
  '新能源车型动力电池配套',
  '动力电池包与电池管理系统本地化配套',
  '动力电池 电池包 BMS',
);
D(
  'S-auto-5:3 S-cnc-6:1',
  'D-auto-5',
  'E-dlzb',
  'service',
  'auto',
  '210213',
  'backbone',
  '冲压模具开发',
  '新品覆盖件冲压模具开发及检具',
  '冲压模具 检具',
);

// ── 石化和精细化工 (大连 / 盘锦 / 抚顺) ───────────────────────────────────
S(
  'S-pet-1',
  'E-hxsh',
  'product',
  'petro',
  '211103',
  'leading',
  'PP聚丙烯专用料',
  '均聚PP、共聚PP，注塑级、纤维级，年产30万吨，可提供汽车改性专用料',
  'PP 专用料 高端聚烯烃',
);
S(
  'S-pet-2',
  'E-dlsh',
  'product',
  'petro',
  '210211',
  'leading',
  '高密度聚乙烯',
  'HDPE管材料、中空吹塑料，LLDPE薄膜料',
  'HDPE LLDPE',
);
S(
  'S-pet-3',
  'E-fsch',
  'product',
  'petro',
  '210402',
  'backbone',
  '加氢催化剂与分子筛',
  '加氢裂化催化剂、分子筛吸附剂，提供技术服务',
  '加氢催化剂 分子筛',
);
S(
  'S-pet-4',
  'E-pjhb',
  'service',
  'petro',
  '211103',
  'key',
  'LDAR泄漏检测与VOCs治理',
  '石化装置泄漏检测与修复、VOCs废气治理工程',
  'LDAR VOCs 废气处理',
);
S(
  'S-pet-5',
  'E-dlhr',
  'equipment',
  'petro',
  '210213',
  'backbone',
  '板式换热器及压力容器',
  '板式换热器、反应釜、塔器等压力容器设计制造，ASME资质',
  '板式换热器 压力容器 反应釜',
);
S(
  'S-pet-6',
  'E-lyjx',
  'product',
  'petro',
  '211002',
  'key',
  '医药中间体定制合成',
  '精细化工医药中间体、农药中间体定制合成，公斤级到吨级',
  '医药中间体 农药中间体 精细化工',
);
S('S-pet-x1', 'E-old3', 'product', 'petro', '211103', null, '聚丙烯', '库存聚丙烯处理', '聚丙烯', {
  status: 'closed',
});
D(
  'S-q-3:3 S-pet-1:3 S-pet-2:1',
  'D-pet-1',
  'E-hcqc',
  'product',
  'auto',
  '210106',
  'leading',
  '汽车保险杠用聚丙烯改性料',
  '保险杠、仪表板注塑用聚丙烯改性专用料，年用量3000吨',
  '聚丙烯 改性塑料 专用料',
);
D(
  'S-pet-2:3',
  'D-pet-2',
  'E-dlgs',
  'product',
  'petro',
  '210211',
  null,
  '采购高密度聚乙烯管材料',
  '燃气管、给水管用高密度聚乙烯料',
  '高密度聚乙烯 管材',
);
D(
  'S-pet-3:3',
  'D-pet-3',
  'E-dlsh',
  'technology',
  'petro',
  '210211',
  'leading',
  '加氢裂化催化剂国产替代',
  '加氢裂化装置催化剂更换，寻求国产催化剂和技术服务',
  '加氢催化剂 加氢裂化',
);
D(
  'S-pet-4:3',
  'D-pet-4',
  'E-hxsh',
  'service',
  'petro',
  '211103',
  'leading',
  '挥发性有机物治理与泄漏检测',
  '炼化一体化装置挥发性有机物治理、泄漏检测与修复年度服务',
  '挥发性有机物 泄漏检测与修复',
);
D(
  'S-pet-5:3',
  'D-pet-5',
  'E-fsch',
  'equipment',
  'petro',
  '210402',
  'backbone',
  '老旧装置换热器更新',
  '老旧装置改造，更换板式换热器和反应釜',
  '换热器 反应釜 老旧装置',
);
D(
  'S-pet-6:3 S-ph-4:1',
  'D-pet-6',
  'E-bxyy',
  'product',
  'pharma',
  '210502',
  'backbone',
  '原料药中间体委托合成',
  '抗病毒原料药关键中间体委托合成，需GMP管理',
  '医药中间体 原料药中间体',
);

// ── 橡胶 (沈阳 / 大连 / 抚顺) ────────────────────────────────────────────
S(
  'S-rub-1',
  'E-fssh',
  'product',
  'rubber',
  '210402',
  'leading',
  'SBR1502乳聚丁苯橡胶',
  '乳聚丁苯橡胶SBR1502、SBR1712，轮胎和胶管用',
  'SBR1502 SBR1712',
);
S(
  'S-rub-2',
  'E-dltb',
  'product',
  'rubber',
  '210213',
  'backbone',
  'N330炭黑',
  '轮胎胎面用N330、N220炭黑，年产8万吨',
  '炭黑 N330',
);
S(
  'S-rub-3',
  'E-sylt',
  'capacity',
  'rubber',
  '210113',
  'key',
  '橡胶密封件来图加工',
  'O型圈、油封、骨架密封件，丁腈橡胶和氟橡胶材质，来图来样加工',
  '密封件 O型圈 油封',
);
S(
  'S-rub-4',
  'E-dlxj',
  'equipment',
  'rubber',
  '210213',
  'backbone',
  '密炼机与平板硫化机',
  '密炼机、开炼机、平板硫化机，轮胎和橡胶制品成套设备',
  '密炼机 平板硫化机 开炼机',
);
S(
  'S-rub-5',
  'E-fssh',
  'product',
  'rubber',
  '210402',
  'leading',
  'EPDM三元乙丙橡胶',
  'EPDM用于汽车密封条、防水卷材',
  'EPDM',
);
S(
  'S-rub-x1',
  'E-old4',
  'product',
  'rubber',
  '210402',
  null,
  '丁苯橡胶SBR1502',
  '丁苯橡胶SBR1502',
  'SBR1502',
  { validUntil: '2025-05-31' },
);
D(
  'S-q-2:3 S-rub-1:3 S-rub-5:1',
  'D-rub-1',
  'E-dlnt',
  'product',
  'rubber',
  '210213',
  'leading',
  '求购丁苯橡胶1502',
  '全钢子午线轮胎胎面胶用丁苯橡胶，月用量500吨',
  '丁苯橡胶 子午线轮胎',
);
D(
  'S-rub-2:3',
  'D-rub-2',
  'E-dlnt',
  'product',
  'rubber',
  '210213',
  'leading',
  '轮胎用炭黑采购',
  '胎面胶炭黑N330，长期合同',
  '炭黑 轮胎',
);
D(
  'S-rub-3:3',
  'D-rub-3',
  'E-tlqp',
  'capacity',
  'auto',
  '211202',
  'backbone',
  '发动机油封和O形圈配套',
  '发动机和变速器油封、O形圈，丁腈和氟橡胶',
  '油封 O形圈 氟橡胶',
);
D(
  'S-rub-4:3',
  'D-rub-4',
  'E-sylt',
  'equipment',
  'rubber',
  '210113',
  'key',
  '平板硫化机设备更新',
  '淘汰老旧平板硫化机，采购节能型平板硫化机10台',
  '平板硫化机 设备更新',
);
D(
  'S-rub-5:3 S-rub-3:1',
  'D-rub-5',
  'E-hcqc',
  'product',
  'auto',
  '210106',
  'leading',
  '汽车密封条用三元乙丙橡胶',
  '车门密封条用三元乙丙橡胶原料',
  '三元乙丙橡胶 密封件',
);

// ── 集成电路装备 (沈阳 浑南 / 大连) ──────────────────────────────────────
S(
  'S-ic-1',
  'E-txic',
  'equipment',
  'ic',
  '210112',
  'backbone',
  '等离子刻蚀机',
  '12英寸等离子刻蚀设备，适用于功率器件和先进封装',
  '刻蚀机 等离子刻蚀 12英寸',
);
S(
  'S-ic-2',
  'E-sykj',
  'product',
  'ic',
  '210112',
  'key',
  '真空干泵与分子泵',
  '半导体用干式真空泵、分子泵，国产化替代',
  '干式真空泵 分子泵 真空泵',
);
S(
  'S-ic-3',
  'E-dltc',
  'capacity',
  'ic',
  '210211',
  null,
  '半导体陶瓷与石英部件精密加工',
  '静电卡盘、陶瓷加热盘、石英部件精密加工，洁净清洗包装',
  '陶瓷部件 石英部件 静电卡盘',
);
S(
  'S-ic-4',
  'E-syqt',
  'product',
  'ic',
  '210113',
  'key',
  '电子特气与高纯气体',
  '高纯氮气、电子特气，晶圆厂供气系统',
  '电子特气 高纯气体 气体输送系统',
);
S(
  'S-ic-5',
  'E-dlpcb',
  'product',
  'ic',
  '210213',
  null,
  'PCB线路板打样与批量',
  '多层PCB、HDI线路板，快速打样',
  'PCB HDI',
);
S(
  'S-ic-6',
  'E-sycl',
  'service',
  'ic',
  '210112',
  null,
  '晶圆缺陷检测与量测服务',
  '光学缺陷检测、膜厚量测，提供检测报告',
  '缺陷检测 量测设备',
);
D(
  'S-ic-1:3',
  'D-ic-1',
  'E-dlfz',
  'equipment',
  'ic',
  '210213',
  null,
  '求购12英寸刻蚀设备',
  '功率器件产线扩产，需要12英寸刻蚀机两台',
  '刻蚀 12英寸 功率器件',
);
D(
  'S-ic-2:3',
  'D-ic-2',
  'E-txic',
  'product',
  'ic',
  '210112',
  'backbone',
  '刻蚀机配套干泵国产化',
  '刻蚀设备配套干式真空泵和分子泵国产化替代',
  '干式真空泵 分子泵 国产化替代',
);
D(
  'S-ic-3:3',
  'D-ic-3',
  'E-txic',
  'capacity',
  'ic',
  '210112',
  'backbone',
  '静电卡盘及陶瓷件外协',
  '刻蚀腔体静电卡盘、陶瓷部件精密加工外协',
  '静电卡盘 陶瓷部件',
);
D(
  'S-q-7:3 S-ic-5:3',
  'D-ic-4',
  'E-sykz',
  'product',
  'robot',
  '210106',
  null,
  '控制板印制电路板采购',
  '伺服驱动器控制板多层印制电路板，月需求5000片',
  '印制电路板 伺服驱动器',
);
D(
  'S-ic-4:3',
  'D-ic-5',
  'E-dlfz',
  'product',
  'ic',
  '210213',
  null,
  '晶圆厂电子特气供应',
  '新建产线电子特气、高纯气体及供气系统',
  '电子特气 高纯气体',
);

// ── 钢铁 (鞍山 / 本溪) ───────────────────────────────────────────────────
S(
  'S-st-1',
  'E-asgt',
  'product',
  'steel',
  '210302',
  'leading',
  '船板钢和海工用钢',
  'AH36/DH36船板、海洋平台用钢，CCS、ABS船级社认证',
  '船板 船板钢 海工装备',
);
S(
  'S-st-2',
  'E-bxgt',
  'product',
  'steel',
  '210502',
  'leading',
  '汽车板及冷轧薄板',
  '冷轧汽车板、镀锌板，高强钢',
  '汽车板 冷轧板 高强钢 镀锌板',
);
S(
  'S-st-3',
  'E-dltg',
  'product',
  'steel',
  '210211',
  'backbone',
  '轴承钢和齿轮钢',
  '特钢棒材：GCr15轴承钢、齿轮钢、合金钢',
  '轴承钢 齿轮钢 特殊钢',
);
S(
  'S-st-4',
  'E-asgg',
  'product',
  'steel',
  '210302',
  'key',
  'SUS304不锈钢板',
  '304不锈钢板、316L不锈钢管，现货',
  '304不锈钢 316L不锈钢 不锈钢板',
);
S(
  'S-st-5',
  'E-asyh',
  'service',
  'steel',
  '210302',
  null,
  '余热回收节能改造',
  '高炉、转炉余热回收与超低排放改造EPC',
  '余热回收 节能改造 超低排放',
);
D(
  'S-q-6:3 S-st-1:3 S-ship-6:1',
  'D-st-1',
  'E-dlzc',
  'product',
  'ship',
  '210204',
  'leading',
  '求购船用钢板',
  '散货船分段建造用船用钢板，年用量5万吨',
  '船用钢板 船舶',
);
D(
  'S-st-2:3',
  'D-st-2',
  'E-tlqp',
  'product',
  'auto',
  '211202',
  'backbone',
  '冲压用高强度钢',
  '车身结构件冲压用高强度钢、镀锌板',
  '高强度钢 镀锌板',
);
D(
  'S-st-3:3',
  'D-st-3',
  'E-wfzc',
  'product',
  'cnc',
  '210106',
  'backbone',
  '轴承钢棒材采购',
  '精密轴承用轴承钢棒材',
  '轴承钢 精密轴承',
);
D(
  'S-st-4:3',
  'D-st-4',
  'E-dlsp',
  'product',
  'food',
  '210211',
  null,
  '食品级304不锈钢板',
  '食品机械用304不锈钢板和不锈钢管',
  '304不锈钢 不锈钢管 食品机械',
);
D(
  'S-st-5:3 S-pet-4:1',
  'D-st-5',
  'E-bxgt',
  'service',
  'steel',
  '210502',
  'leading',
  '转炉余热回收项目',
  '转炉煤气和余热回收节能改造',
  '余热回收 节能改造 转炉',
);

// ── 菱镁新材料 (营口 / 鞍山) ─────────────────────────────────────────────
S(
  'S-mg-1',
  'E-ykml',
  'product',
  'mg',
  '210881',
  'backbone',
  '电熔镁砂与重烧镁砂',
  '97电熔镁砂、重烧镁砂，用于耐火材料',
  '电熔镁砂 重烧镁砂',
);
S(
  'S-mg-2',
  'E-ykny',
  'product',
  'mg',
  '210804',
  'leading',
  '镁碳砖及钢包耐火材料',
  '转炉、钢包用镁碳砖，浇注料，提供包年服务',
  '镁碳砖 耐火材料 钢包',
);
S(
  'S-mg-3',
  'E-hcml',
  'product',
  'mg',
  '210381',
  'key',
  '高纯氧化镁',
  'MgO含量99%以上的高纯氧化镁，硅钢级',
  '高纯氧化镁 MgO',
);
S(
  'S-mg-4',
  'E-ykmh',
  'technology',
  'mg',
  '210881',
  null,
  '镁合金压铸技术',
  '镁合金轻量化压铸件开发，汽车方向盘骨架',
  '镁合金 压铸件 轻量化',
);
D(
  'S-mg-2:3 S-mg-1:1',
  'D-mg-1',
  'E-asgt',
  'product',
  'steel',
  '210302',
  'leading',
  '转炉镁碳砖年度采购',
  '炼钢转炉和钢包用镁碳砖、耐火材料包年',
  '镁碳砖 耐火材料',
);
D(
  'S-mg-1:3 S-mg-3:1',
  'D-mg-2',
  'E-ykny',
  'product',
  'mg',
  '210804',
  'leading',
  '电熔镁原料采购',
  '镁碳砖原料电熔镁，月需求2000吨',
  '电熔镁 镁砂',
);
D(
  'S-mg-3:3',
  'D-mg-3',
  'E-bxgt',
  'product',
  'steel',
  '210502',
  'leading',
  '硅钢涂层用氧化镁',
  '取向硅钢隔离涂层用高纯氧化镁',
  '氧化镁 取向硅钢',
);
D(
  'S-mg-4:3 S-auto-2:1',
  'D-mg-4',
  'E-sylg',
  'technology',
  'auto',
  '210104',
  'key',
  '镁合金轻量化零件开发',
  '汽车轻量化方向盘骨架、座椅骨架镁合金压铸',
  '镁合金 轻量化',
);

// ── 船舶与海洋工程 (大连 / 葫芦岛) ──────────────────────────────────────
S(
  'S-ship-1',
  'E-dlcy',
  'product',
  'ship',
  '210204',
  'backbone',
  '船用柴油机及配件',
  '低速船用柴油机、曲轴、活塞等配件',
  '船用柴油机 船用发动机',
);
S(
  'S-ship-2',
  'E-hldmd',
  'product',
  'ship',
  '211402',
  'key',
  '锚链和甲板机械',
  '船用锚链、锚机、绞车等甲板机械',
  '锚链 甲板机械',
);
S(
  'S-ship-3',
  'E-dlty',
  'product',
  'ship',
  '210211',
  null,
  '船舶涂料',
  '船体防污涂料、压载舱涂料',
  '船舶涂料 涂料',
);
S(
  'S-ship-4',
  'E-dlfd',
  'capacity',
  'ship',
  '210213',
  'key',
  '船体分段制造',
  '承接散货船、油轮船体分段制造，年产能3万吨',
  '分段制造 船体分段',
);
S(
  'S-ship-5',
  'E-dlhj',
  'product',
  'ship',
  '210211',
  null,
  '药芯焊丝和埋弧焊丝',
  '船舶和钢结构用药芯焊丝、埋弧焊丝',
  '药芯焊丝 埋弧焊丝 焊接材料',
);
S(
  'S-ship-6',
  'E-dlsl',
  'service',
  'ship',
  '210204',
  null,
  '船舶设计与分段焊接检测',
  '船舶设计，焊缝无损检测',
  '船舶设计 无损检测',
);
D(
  'S-ship-4:3',
  'D-ship-1',
  'E-dlzc',
  'capacity',
  'ship',
  '210204',
  'leading',
  '船体分段外包',
  '油轮船体分段外包建造',
  '船体分段 分段制造 油轮',
);
D(
  'S-ship-2:3',
  'D-ship-2',
  'E-hldcb',
  'product',
  'ship',
  '211402',
  'backbone',
  '锚机与锚链采购',
  '新造船锚机、锚链配套',
  '锚链 甲板机械',
);
D(
  'S-ship-5:3 S-st-1:0',
  'D-ship-3',
  'E-dlzc',
  'product',
  'ship',
  '210204',
  'leading',
  '焊接材料年度招标',
  '船体焊接用药芯焊丝、焊条',
  '焊丝 焊条 焊接材料',
);
D(
  'S-ship-1:3',
  'D-ship-4',
  'E-hldcb',
  'product',
  'ship',
  '211402',
  'backbone',
  '船用发动机采购',
  '散货船主机，船用柴油机',
  '船用发动机 船用柴油机',
);
D(
  'S-ship-3:3',
  'D-ship-5',
  'E-dlzc',
  'product',
  'ship',
  '210204',
  'leading',
  '船体防污漆',
  '船体防污漆和压载舱涂料',
  '防污 涂料 船舶涂料',
);

// ── 航空装备 (沈阳) ─────────────────────────────────────────────────────
S(
  'S-aero-1',
  'E-syjm',
  'capacity',
  'aero',
  '210112',
  'backbone',
  '高温合金精密铸造叶片',
  '熔模精密铸造涡轮叶片、单晶叶片',
  '精密铸造 涡轮叶片 高温合金',
);
S(
  'S-aero-2',
  'E-syfd',
  'capacity',
  'aero',
  '210113',
  'key',
  '钛合金锻件',
  '航空钛合金锻件、盘件',
  '钛合金锻件 锻件',
);
S(
  'S-aero-3',
  'E-sywj',
  'service',
  'aero',
  '210112',
  null,
  '航空零部件无损检测',
  '射线检测、超声检测、渗透检测，NADCAP认证',
  '无损检测 射线检测 超声检测',
);
S(
  'S-aero-4',
  'E-syrc',
  'service',
  'aero',
  '210106',
  null,
  '真空热处理与喷丸',
  '真空热处理、喷丸强化、热障涂层',
  '热处理 喷丸 热障涂层',
);
D(
  'S-aero-1:3',
  'D-aero-1',
  'E-lyhk',
  'capacity',
  'aero',
  '210112',
  'leading',
  '航发涡轮叶片精铸外协',
  '航空发动机单晶涡轮叶片精密铸造外协',
  '涡轮叶片 精密铸造 航空发动机',
);
D(
  'S-aero-2:3',
  'D-aero-2',
  'E-lyhk',
  'capacity',
  'aero',
  '210112',
  'leading',
  '钛合金盘件锻造',
  '压气机钛合金盘件锻造',
  '钛合金 锻件',
);
D(
  'S-aero-3:3 S-ship-6:1',
  'D-aero-3',
  'E-syfj',
  'service',
  'aero',
  '210112',
  'backbone',
  '飞机结构件NDT探伤',
  '飞机结构件无损探伤服务，需NADCAP资质',
  'NDT 无损检测',
);
D(
  'S-aero-4:3',
  'D-aero-4',
  'E-syjm',
  'service',
  'aero',
  '210112',
  'backbone',
  '叶片热障涂层服务',
  '涡轮叶片热障涂层和喷丸',
  '热障涂层 喷丸',
);

// ── 轨道交通 (大连) ─────────────────────────────────────────────────────
S(
  'S-rail-1',
  'E-dljc2',
  'product',
  'rail',
  '210211',
  'backbone',
  '机车转向架构架',
  '转向架构架焊接及加工',
  '转向架',
);
S(
  'S-rail-2',
  'E-dlqy',
  'product',
  'rail',
  '210213',
  'key',
  '牵引电机与牵引变流器',
  '城轨车辆牵引电机、牵引变流器',
  '牵引电机 牵引变流器',
);
S(
  'S-rail-3',
  'E-dlcg',
  'product',
  'rail',
  '210211',
  null,
  '车钩缓冲器',
  '地铁车辆车钩缓冲装置',
  '车钩 缓冲器',
);
D(
  'S-rail-1:3 S-cnc-6:0',
  'D-rail-1',
  'E-dlcl',
  'capacity',
  'rail',
  '210211',
  'leading',
  '转向架焊接外协',
  '机车转向架构架焊接和机加工外协',
  '转向架 焊接',
);
D(
  'S-rail-2:3',
  'D-rail-2',
  'E-dlcl',
  'product',
  'rail',
  '210211',
  'leading',
  '地铁车辆牵引系统',
  '地铁列车牵引电机和变流器',
  '地铁列车 牵引电机',
);
D(
  'S-rail-3:3',
  'D-rail-3',
  'E-dlcl',
  'product',
  'rail',
  '210211',
  'leading',
  '城轨车钩采购',
  '城轨车辆车钩及缓冲器',
  '车钩 城轨车辆',
);

// ── 农产品与食品 (大连 / 丹东 / 锦州) ─────────────────────────────────────
S(
  'S-food-1',
  'E-dlll',
  'service',
  'food',
  '210213',
  'backbone',
  '冷链物流与冷库仓储',
  '-18℃冷库仓储、冷链运输，覆盖东北三省',
  '冷链物流 冷库',
);
S(
  'S-food-2',
  'E-jzbz',
  'product',
  'food',
  '210702',
  null,
  '食品包装膜和瓦楞纸箱',
  '食品级包装膜、瓦楞纸箱定制印刷',
  '包装膜 瓦楞纸箱 食品包装',
);
S(
  'S-food-3',
  'E-dlgz',
  'equipment',
  'food',
  '210211',
  'key',
  '饮料灌装线',
  '全自动灌装线、杀菌设备，含安装调试',
  '灌装线 灌装设备 杀菌设备',
);
S(
  'S-food-4',
  'E-ddcm',
  'product',
  'food',
  '210602',
  'key',
  '丹东草莓与蓝莓',
  '丹东99草莓、蓝莓鲜果及速冻果',
  '草莓 蓝莓 速冻食品',
);
S(
  'S-food-5',
  'E-tlym',
  'product',
  'food',
  '211202',
  'backbone',
  '玉米淀粉',
  '食品级玉米淀粉、变性淀粉',
  '玉米淀粉 变性淀粉',
);
S(
  'S-food-6',
  'E-dljc3',
  'service',
  'food',
  '210211',
  null,
  '食品检测与农残检测',
  'CMA资质食品检验检测、农残检测',
  '食品检测 农残检测',
);
D(
  'S-q-4:3 S-food-1:3',
  'D-food-1',
  'E-ddcm',
  'service',
  'food',
  '210602',
  'key',
  '草莓冷链运输',
  '草莓鲜果冷链运输到北京上海，需冷库中转',
  '冷链运输 冷库 草莓',
);
D(
  'S-food-4:3 S-food-1:0',
  'D-food-2',
  'E-dlsp',
  'product',
  'food',
  '210211',
  null,
  '烘焙用速冻草莓',
  '烘焙原料速冻草莓，年需求500吨',
  '草莓 速冻食品 烘焙',
);
D(
  'S-food-3:3',
  'D-food-3',
  'E-dlpj',
  'equipment',
  'food',
  '210213',
  'backbone',
  '啤酒灌装设备更新',
  '老旧啤酒灌装线设备更新，含杀菌设备',
  '灌装设备 啤酒 设备更新',
);
D(
  'S-food-5:3',
  'D-food-4',
  'E-dlsp',
  'product',
  'food',
  '210211',
  null,
  '食品级淀粉采购',
  '预制菜加工用玉米淀粉',
  '玉米淀粉 预制菜',
);
D(
  'S-food-6:3 S-aero-3:0',
  'D-food-5',
  'E-dlhc',
  'service',
  'food',
  '210211',
  'key',
  '海参产品检测',
  '海参产品检验和农残检测，出具CMA报告',
  '检测 农残检测 海参',
);

// ── 家具 (沈阳 / 大连庄河) ───────────────────────────────────────────────
S(
  'S-furn-1',
  'E-zhmy',
  'product',
  'furn',
  '210283',
  'backbone',
  'MDF中纤板及刨花板',
  'E0级MDF、颗粒板，家具板材',
  'MDF 颗粒板',
);
S(
  'S-furn-2',
  'E-syjj',
  'equipment',
  'furn',
  '210113',
  'key',
  '数控开料机与封边机',
  '板式家具数控开料机、全自动封边机',
  '数控开料机 封边机 木工机械',
);
S(
  'S-furn-3',
  'E-syql',
  'product',
  'furn',
  '210106',
  null,
  '水性木器漆',
  '环保水性木器漆，家具涂装',
  '水性漆 木器漆',
);
S(
  'S-furn-4',
  'E-zhwj',
  'product',
  'furn',
  '210283',
  null,
  '家具五金铰链滑轨',
  '阻尼铰链、三节滑轨',
  '铰链 滑轨 五金配件',
);
D(
  'S-q-8:3 S-furn-1:3',
  'D-furn-1',
  'E-syjj2',
  'product',
  'furn',
  '210113',
  'backbone',
  '定制家具用中密度纤维板',
  '全屋定制用中密度纤维板和刨花板',
  '中密度纤维板 刨花板 全屋定制',
);
D(
  'S-furn-2:3 S-cnc-2:0',
  'D-furn-2',
  'E-zhjj',
  'equipment',
  'furn',
  '210283',
  null,
  '板式家具数控开料设备',
  '板式家具产线数控开料机和封边机',
  '数控开料机 封边机 板式家具',
);
D(
  'S-furn-3:3 S-ship-3:0',
  'D-furn-3',
  'E-syjj2',
  'product',
  'furn',
  '210113',
  'backbone',
  '环保家具涂料',
  '家具涂料改用水性漆',
  '家具涂料 水性漆',
);
D(
  'S-furn-4:3',
  'D-furn-4',
  'E-zhjj',
  'product',
  'furn',
  '210283',
  null,
  '橱柜五金配件',
  '橱柜铰链、滑轨等五金配件',
  '五金配件 铰链 滑轨 橱柜',
);

// ── 生物医药 (本溪 / 沈阳) ──────────────────────────────────────────────
S(
  'S-ph-1',
  'E-bxzy',
  'product',
  'pharma',
  '210502',
  'backbone',
  '道地中药材与中药饮片',
  '人参、五味子等道地中药材，GMP中药饮片',
  '中药材 中药饮片 人参',
);
S(
  'S-ph-2',
  'E-syzy',
  'equipment',
  'pharma',
  '210112',
  'key',
  '冻干机与制药设备',
  '冷冻干燥机、配液系统，GMP验证',
  '冻干机 制药设备',
);
S(
  'S-ph-3',
  'E-sycr',
  'service',
  'pharma',
  '210112',
  null,
  'CRO临床试验服务',
  'CRO服务：临床试验、药品注册申报',
  'CRO 临床试验 药品注册',
);
S(
  'S-ph-4',
  'E-dlyf',
  'product',
  'pharma',
  '210213',
  null,
  '药用辅料',
  '药用辅料微晶纤维素、淀粉',
  '药用辅料',
);
D(
  'S-ph-1:3',
  'D-ph-1',
  'E-bxyy',
  'product',
  'pharma',
  '210502',
  'backbone',
  '中成药原料中药材',
  '中成药生产用人参、五味子中药材',
  '中药材 人参',
);
D(
  'S-ph-2:3',
  'D-ph-2',
  'E-bxyy',
  'equipment',
  'pharma',
  '210502',
  'backbone',
  '疫苗车间冻干设备',
  '新建疫苗车间冷冻干燥机',
  '冻干机 冷冻干燥',
);
D(
  'S-ph-3:3',
  'D-ph-3',
  'E-syyy',
  'service',
  'pharma',
  '210113',
  null,
  '合同研发与临床服务',
  '仿制药一致性评价与临床试验合同研发',
  '合同研发 临床试验 一致性评价',
);
D(
  'S-ph-4:3 S-food-5:0',
  'D-ph-4',
  'E-syzj',
  'product',
  'pharma',
  '210112',
  null,
  '片剂用药用辅料',
  '片剂生产用药用辅料',
  '药用辅料 制剂',
);

// ── supplies as queries: which demands should a supplier call on? ──────────
SQ(
  'D-cnc-1:3 D-cnc-x:3',
  'S-q-1',
  'E-syjc2',
  'equipment',
  'cnc',
  '210106',
  'backbone',
  '供应五轴联动加工中心',
  '五轴联动加工中心，航空机匣、叶盘加工',
  '五轴联动 加工中心',
);
SQ(
  'D-rub-1:3',
  'S-q-2',
  'E-lhsh',
  'product',
  'rubber',
  '211103',
  'leading',
  '供应SBR',
  'SBR乳聚丁苯橡胶，轮胎用',
  'SBR',
);
SQ(
  'D-pet-1:3',
  'S-q-3',
  'E-pjsh',
  'product',
  'petro',
  '211103',
  'backbone',
  'PP改性料',
  '汽车保险杠PP改性料',
  'PP 改性塑料',
);
SQ(
  'D-food-1:3',
  'S-q-4',
  'E-ykll',
  'service',
  'food',
  '210804',
  null,
  '冷链运输服务',
  '冷藏车冷链运输，草莓、海鲜',
  '冷链运输',
);
SQ(
  'D-rob-6:3',
  'S-q-5',
  'E-dlzd',
  'equipment',
  'robot',
  '210211',
  null,
  'PLC控制系统集成',
  'PLC、HMI控制系统改造',
  'PLC HMI',
);
SQ('D-st-1:3', 'S-q-6', 'E-bxgt2', 'product', 'steel', '210502', 'backbone', '船板', 'DH36船板现货', '船板');
SQ('D-ic-4:3', 'S-q-7', 'E-syxlb', 'product', 'ic', '210106', null, '线路板', '多层线路板打样批量', '线路板');
SQ('D-furn-1:3', 'S-q-8', 'E-zhmy2', 'product', 'furn', '210283', null, '密度板', 'E1级密度板', '密度板 MDF');

export const EVAL_POSTINGS: readonly MatchDocument[] = docs;
