import { EVENT_STATUS_LABELS, type EventStatus } from '../events/event.entity';
import type { ExportColumn } from '../excel/table-export';
import { INTENT_STAGE_LABELS, type IntentStage } from '../intents/intent.entity';
import {
  POSTING_CATEGORY_LABELS,
  POSTING_KIND_LABELS,
  type PostingCategory,
  type PostingKind,
} from '../postings/posting.entity';

/** How a list renders as .xlsx: the sheet title and the columns, in Chinese. */
export interface ExcelExportSpec {
  title: string;
  // Rows are the list's own JSON items; each spec types its columns against them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: readonly ExportColumn<any>[];
}

/** The Chinese columns of every list that downloads as Excel (see @ExcelExport). */

type Row = Record<string, unknown>;
const join = (key: string) => (r: Row) =>
  ((r[key] as { name: string }[] | undefined) ?? []).map((x) => x.name).join('、');

export const CLUSTER_EXPORT: ExcelExportSpec = {
  title: '产业集群名录',
  columns: [
    { header: '集群编码', key: 'code' },
    { header: '集群名称', key: 'name', width: 30 },
    { header: '层级', key: 'tierLabel' },
    { header: '所属基地', key: 'base' },
    { header: '牵头协会', key: 'leadAssociationName', width: 30 },
    { header: '产业链数', key: 'chainCount', kind: 'integer' },
  ],
};

export const ASSOCIATION_EXPORT: ExcelExportSpec = {
  title: '行业协会名录',
  columns: [
    { header: '协会名称', key: 'name', width: 32 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '牵头集群', value: join('leadClusters'), width: 30 },
    { header: '会员数', key: 'memberCount', kind: 'integer' },
    { header: '联系人', key: 'contactName' },
    { header: '联系电话', key: 'contactPhone' },
  ],
};

export const ENTERPRISE_EXPORT: ExcelExportSpec = {
  title: '企业名录',
  columns: [
    { header: '企业名称', key: 'name', width: 32 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '行政区划代码', key: 'regionCode' },
    { header: '所在地区', key: 'regionName' },
    { header: '国民经济行业代码', key: 'industryCode' },
    { header: '企业规模', key: 'scaleLabel' },
    { header: '链主/骨干层级', key: 'tierLabel' },
    { header: '联系人', key: 'contactName' },
    { header: '联系电话', key: 'contactPhone' },
  ],
};

export const MEMBER_EXPORT: ExcelExportSpec = {
  title: '协会会员名单',
  columns: [
    { header: '企业名称', key: 'enterpriseName', width: 32 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '行政区划代码', key: 'regionCode' },
    { header: '联系人', key: 'contactName' },
    { header: '联系电话', key: 'contactPhone' },
    { header: '入会日期', key: 'joinedOn', kind: 'date' },
    { header: '退会日期', key: 'leftOn', kind: 'date' },
  ],
};

export const POSTING_EXPORT: ExcelExportSpec = {
  title: '供需信息',
  columns: [
    { header: '类别', value: (r: Row) => POSTING_KIND_LABELS[r.kind as PostingKind] },
    { header: '分类', value: (r: Row) => POSTING_CATEGORY_LABELS[r.category as PostingCategory] },
    { header: '标题', key: 'title', width: 36 },
    { header: '企业名称', key: 'enterpriseName', width: 30 },
    { header: '关键词', value: (r: Row) => ((r.keywords as string[]) ?? []).join('、'), width: 24 },
    { header: '地区代码', key: 'regionCode' },
    { header: '有效期至', key: 'validUntil', kind: 'date' },
    { header: '金额（万元）', key: 'amountWan', kind: 'wan' },
    {
      header: '状态',
      value: (r: Row) => ({ draft: '草稿', published: '已发布', closed: '已关闭' })[r.status as string],
    },
    { header: '发布时间', key: 'publishedAt', kind: 'datetime' },
  ],
};

export const DICTIONARY_GAP_EXPORT: ExcelExportSpec = {
  title: '词典待补充词语',
  columns: [
    { header: '词语', key: 'word', width: 16 },
    { header: '供需条数', key: 'postings', kind: 'integer' },
    { header: '企业数', key: 'enterprises', kind: 'integer' },
    {
      header: '示例供需',
      value: (r: Row) => ((r.examples as { title: string }[]) ?? []).map((x) => x.title).join('；'),
      width: 60,
    },
    { header: '词典行（industrial-dict.txt）', key: 'dictionaryLine', width: 28 },
  ],
};

export const EVENT_EXPORT: ExcelExportSpec = {
  title: '对接活动',
  columns: [
    { header: '活动名称', key: 'title', width: 40 },
    { header: '类型', key: 'typeLabel' },
    { header: '主办协会', key: 'associationName', width: 30 },
    { header: '服务集群', value: join('clusters'), width: 30 },
    { header: '开始日期', key: 'startDate', kind: 'date' },
    { header: '结束日期', key: 'endDate', kind: 'date' },
    { header: '举办地', key: 'regionName' },
    { header: '场馆', key: 'venue', width: 24 },
    { header: '参观人次', key: 'visits', kind: 'integer' },
    { header: '报名企业数', key: 'participants', kind: 'integer' },
    { header: '状态', value: (r: Row) => EVENT_STATUS_LABELS[r.status as EventStatus] },
  ],
};

export const PARTICIPANT_EXPORT: ExcelExportSpec = {
  title: '参会企业',
  columns: [
    { header: '企业名称', key: 'enterpriseName', width: 32 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '行政区划代码', key: 'regionCode' },
    { header: '参会角色', key: 'roleLabel' },
    { header: '是否会员', value: (r: Row) => (r.member ? '是' : '否') },
    { header: '签到时间', key: 'checkedInAt', kind: 'datetime' },
  ],
};

export const INTENT_EXPORT: ExcelExportSpec = {
  title: '合作意向',
  columns: [
    { header: '意向名称', key: 'title', width: 32 },
    { header: '企业', key: 'enterpriseName', width: 30 },
    { header: '合作方', key: 'counterpartName', width: 30 },
    { header: '合作方所在地', key: 'counterpartRegionName' },
    { header: '来源活动', key: 'eventTitle', width: 30 },
    { header: '集群', key: 'clusterName' },
    { header: '金额（万元）', key: 'amountWan', kind: 'wan' },
    { header: '币种', key: 'currency' },
    { header: '阶段', value: (r: Row) => INTENT_STAGE_LABELS[r.stage as IntentStage] },
    { header: '意向日期', key: 'reachedOn', kind: 'date' },
    { header: '签约日期', key: 'signedOn', kind: 'date' },
    { header: '落地日期', key: 'landedOn', kind: 'date' },
    { header: '终止日期', key: 'droppedOn', kind: 'date' },
  ],
};

export const AUDIT_EXPORT: ExcelExportSpec = {
  title: '操作审计',
  columns: [
    { header: '时间', key: 'at', kind: 'datetime' },
    { header: '用户', key: 'username' },
    { header: '操作', key: 'action' },
    { header: '对象', key: 'entity' },
    { header: '对象编号', key: 'entityId', width: 38 },
  ],
};
