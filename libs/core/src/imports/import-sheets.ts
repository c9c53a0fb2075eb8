import type { TemplateColumn } from '../excel/template-writer';
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

/** Kinds that have a sheet definition; events and intents imports are not built yet. */
export const SHEET_COLUMNS: Partial<Record<ImportKind, TemplateColumn[]>> = {
  enterprises: ENTERPRISE_COLUMNS,
  members: MEMBER_COLUMNS,
};

export function sheetSpecOf(kind: ImportKind): { required: string[]; optional: string[] } {
  const columns = SHEET_COLUMNS[kind] ?? [];
  return {
    required: columns.filter((c) => c.required).map((c) => c.header),
    optional: columns.filter((c) => !c.required).map((c) => c.header),
  };
}
