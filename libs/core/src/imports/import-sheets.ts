import type { TemplateColumn } from '../excel/template-writer';
import { PARTICIPANT_ROLE_LABELS } from '../events/event-participant.entity';
import { EVENT_STATUS_LABELS } from '../events/event.entity';
import { INTENT_STAGE_LABELS } from '../intents/intent.entity';
import { ENTERPRISE_SCALE_LABELS } from '../registry/enterprise.entity';
import type { ImportKind } from './import.entity';

/** The header texts of each import sheet: the contract's names, found in any order below any title rows. */
export const H = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  regionCode: '行政区划代码',
  industryCode: '国民经济行业代码',
  scale: '企业规模',
  clusters: '所属集群编码',
  contactName: '联系人',
  contactPhone: '联系电话',
  associationCode: '协会统一社会信用代码',
  joinedOn: '入会日期',
} as const;

const ENTERPRISE_COLUMNS: TemplateColumn[] = [
  {
    header: H.name,
    required: true,
    note: '企业全称，2–100 个字',
    width: 32,
    example: '沈阳示例精密机械有限公司',
  },
  {
    header: H.creditCode,
    required: true,
    note: '18 位统一社会信用代码，按第 18 位校验码核对',
    format: 'text',
    width: 22,
    example: '91210100MA0XXXXXXX',
  },
  {
    header: H.regionCode,
    required: true,
    note: '6 位 GB/T 2260 行政区划代码，如 210102（沈阳市和平区）',
    format: 'text',
    example: '210102',
  },
  {
    header: H.industryCode,
    required: false,
    note: 'GB/T 4754 门类字母 + 4 位数字，如 C3421',
    format: 'text',
    example: 'C3421',
  },
  {
    header: H.scale,
    required: true,
    note: '大型 / 中型 / 小型 / 微型',
    enumLabels: Object.values(ENTERPRISE_SCALE_LABELS),
    example: '中型',
  },
  {
    header: H.clusters,
    required: false,
    note: '集群编码，多个用“、”或“,”分隔',
    format: 'text',
    example: 'CNC-MACHINE',
  },
  { header: H.contactName, required: false, note: '联系人姓名', example: '张三' },
  {
    header: H.contactPhone,
    required: false,
    note: '手机或座机，如 13800000000 或 024-12345678',
    format: 'text',
    example: '13800000000',
  },
];

const MEMBER_COLUMNS: TemplateColumn[] = [
  ...ENTERPRISE_COLUMNS,
  {
    header: H.associationCode,
    required: true,
    note: '入会协会的统一社会信用代码（51 开头）；协会用户只能导入本协会会员',
    format: 'text',
    width: 22,
    example: '51210000MJXXXXXXXX',
  },
  {
    header: H.joinedOn,
    required: false,
    note: '日期，如 2025-07-11、2025/7/11 或 2025年7月11日',
    format: 'date',
    example: '2025-07-11',
  },
];

/** The events sheet (活动及参会企业): one row per event and participant enterprise. */
export const EH = {
  title: '活动名称',
  type: '活动类型',
  organiser: '主办协会统一社会信用代码',
  clusters: '服务集群编码',
  startDate: '开始日期',
  endDate: '结束日期',
  region: '举办地行政区划代码',
  venue: '场馆',
  visits: '参观人次',
  status: '活动状态',
  enterprise: '参会企业统一社会信用代码',
  role: '参会角色',
  checkedIn: '是否签到',
} as const;

/** Event types as people write them: the labels, and 论坛 or 培训 alone for 论坛/培训. */
export const EVENT_TYPE_INPUT_LABELS = [
  '需求对接会',
  '展会',
  '展团',
  '考察',
  '论坛/培训',
  '线上对接',
] as const;

const EVENT_COLUMNS: TemplateColumn[] = [
  {
    header: EH.title,
    required: true,
    note: '活动名称，不超过 200 个字',
    width: 30,
    example: '2026 数控机床供需对接会',
  },
  {
    header: EH.type,
    required: true,
    note: '需求对接会 / 展会 / 展团 / 考察 / 论坛/培训（也可写 论坛 或 培训）/ 线上对接',
    enumLabels: EVENT_TYPE_INPUT_LABELS,
    example: '需求对接会',
  },
  {
    header: EH.organiser,
    required: true,
    note: '主办协会的统一社会信用代码（51 开头）；协会用户只能导入本协会主办的活动',
    format: 'text',
    width: 22,
    example: '51210000MJXXXXXXXX',
  },
  {
    header: EH.clusters,
    required: true,
    note: '活动服务的集群编码，多个用“、”或“,”分隔；只会增加，不会删除已有的',
    format: 'text',
    example: 'CNC-MACHINE',
  },
  {
    header: EH.startDate,
    required: true,
    note: '日期，如 2026-03-18',
    format: 'date',
    example: '2026-03-18',
  },
  {
    header: EH.endDate,
    required: false,
    note: '不填则与开始日期相同',
    format: 'date',
    example: '2026-03-19',
  },
  {
    header: EH.region,
    required: true,
    note: '举办地 6 位行政区划代码，如 210102',
    format: 'text',
    example: '210102',
  },
  { header: EH.venue, required: false, note: '场馆名称', width: 24, example: '沈阳国际展览中心' },
  { header: EH.visits, required: false, note: '参观人次，非负整数', format: 'number', example: 1200 },
  {
    header: EH.status,
    required: false,
    note:
      '筹备中 / 报名中 / 已举办 / 已结项 / 已取消。新活动不填时：开始日期不晚于今天为“已举办”，否则为“筹备中”；' +
      '已有活动不填则保持原状态。状态只能前进，未开始的活动不能标为已举办或已结项',
    enumLabels: Object.values(EVENT_STATUS_LABELS),
    example: '已举办',
  },
  {
    header: EH.enterprise,
    required: false,
    note: '参会企业的统一社会信用代码；企业须已在平台登记（先导入企业名录）。一行一家企业，同一活动的各行活动信息相同，合并单元格或留空表示同上',
    format: 'text',
    width: 22,
    example: '91210100MA0XXXXXXX',
  },
  {
    header: EH.role,
    required: false,
    note: '采购方 / 供应方 / 参展商 / 观众；填写参会企业时必填',
    enumLabels: Object.values(PARTICIPANT_ROLE_LABELS),
    example: '采购方',
  },
  {
    header: EH.checkedIn,
    required: false,
    note: '是 / 否；不填视为否',
    enumLabels: ['是', '否'],
    example: '是',
  },
];

/** The intents sheet (合作意向). */
export const IH = {
  title: '意向名称',
  enterprise: '企业统一社会信用代码',
  counterpartCode: '对方统一社会信用代码',
  counterpartName: '对方名称',
  counterpartRegion: '对方行政区划代码',
  eventTitle: '来源活动名称',
  eventStart: '活动开始日期',
  cluster: '集群编码',
  amount: '金额（万元）',
  currency: '币种',
  stage: '阶段',
  reachedOn: '达成意向日期',
  signedOn: '签约日期',
  landedOn: '落地日期',
  droppedOn: '终止日期',
} as const;

const INTENT_COLUMNS: TemplateColumn[] = [
  {
    header: IH.title,
    required: true,
    note: '意向名称，不超过 200 个字',
    width: 30,
    example: '数控系统批量采购',
  },
  {
    header: IH.enterprise,
    required: true,
    note: '登记意向的企业（须已在平台登记）；协会用户只能导入本协会会员或参加过本协会活动的企业',
    format: 'text',
    width: 22,
    example: '91210100MA0XXXXXXX',
  },
  {
    header: IH.counterpartCode,
    required: false,
    note: '对方为平台企业时填其统一社会信用代码；否则填对方名称（两者填一项）',
    format: 'text',
    width: 22,
  },
  {
    header: IH.counterpartName,
    required: false,
    note: '对方不在平台时的名称',
    width: 24,
    example: '上海示例贸易有限公司',
  },
  {
    header: IH.counterpartRegion,
    required: false,
    note: '对方所在地 6 位行政区划代码',
    format: 'text',
    example: '310115',
  },
  {
    header: IH.eventTitle,
    required: false,
    note: '在某活动中达成时填写活动名称，与“活动开始日期”一起确定活动',
    width: 24,
  },
  { header: IH.eventStart, required: false, note: '来源活动的开始日期', format: 'date' },
  {
    header: IH.cluster,
    required: false,
    note: '所属集群编码（一个）',
    format: 'text',
    example: 'CNC-MACHINE',
  },
  {
    header: IH.amount,
    required: false,
    note: '金额，单位万元，非负，最多两位小数',
    format: 'number',
    example: 350,
  },
  { header: IH.currency, required: false, note: '三位币种代码，不填为 CNY', format: 'text', example: 'CNY' },
  {
    header: IH.stage,
    required: false,
    note: '意向 / 签约 / 落地 / 终止；须与所填日期一致，不填则按日期推断',
    enumLabels: Object.values(INTENT_STAGE_LABELS),
    example: '签约',
  },
  {
    header: IH.reachedOn,
    required: true,
    note: '达成意向的日期，不晚于今天',
    format: 'date',
    example: '2025-11-02',
  },
  {
    header: IH.signedOn,
    required: false,
    note: '签约日期（阶段为签约或落地时必填）',
    format: 'date',
    example: '2025-12-15',
  },
  { header: IH.landedOn, required: false, note: '落地日期（阶段为落地时必填）', format: 'date' },
  { header: IH.droppedOn, required: false, note: '终止日期（阶段为终止时必填）', format: 'date' },
];

/** Every import kind's sheet. */
export const SHEET_COLUMNS: Partial<Record<ImportKind, TemplateColumn[]>> = {
  enterprises: ENTERPRISE_COLUMNS,
  members: MEMBER_COLUMNS,
  events: EVENT_COLUMNS,
  intents: INTENT_COLUMNS,
};

export function sheetSpecOf(kind: ImportKind): { required: string[]; optional: string[] } {
  const columns = SHEET_COLUMNS[kind] ?? [];
  return {
    required: columns.filter((c) => c.required).map((c) => c.header),
    optional: columns.filter((c) => !c.required).map((c) => c.header),
  };
}
