/**
 * Statistics as .xlsx through the shared table writer: title, the filters on top, Chinese headers, typed cells.
 */
import { writeTableBuffer, type ExportColumn, type ExportFilter } from '../excel/table-export';
import {
  STATS_FIGURE_KEYS,
  STATS_FIGURE_LABELS,
  type StatsAttention,
  type StatsFigures,
  type StatsItem,
  type StatsOverview,
} from './stats.service';

export type StatsXlsx = { buffer: Buffer; fileName: string; asciiName: string };

const MONEY = new Set<keyof StatsFigures>(['intentAmountWan', 'signedAmountWan']);
const figureColumns = <R extends StatsFigures>(): ExportColumn<R>[] =>
  STATS_FIGURE_KEYS.map((k) => ({
    header: STATS_FIGURE_LABELS[k],
    key: k,
    kind: MONEY.has(k) ? 'wan' : 'integer',
  }));

/** An itemised statistic: one row per association / cluster / month / event type. */
export async function itemsXlsx(
  title: string,
  keyHeader: string,
  items: StatsItem[],
  filters: ExportFilter[],
  asciiName: string,
): Promise<StatsXlsx> {
  const buffer = await writeTableBuffer<StatsItem>(
    { title, filters, columns: [{ header: keyHeader, key: 'label' }, ...figureColumns<StatsItem>()] },
    items,
  );
  return { buffer, fileName: `${title}.xlsx`, asciiName: `${asciiName}.xlsx` };
}

interface OverviewRow {
  label: string;
  value: number;
  previous: number | null;
  money: boolean;
}

/** The overview as rows 指标 / 本期 / 上年同期, the conversion funnel after the figures. */
export async function overviewXlsx(overview: StatsOverview, filters: ExportFilter[]): Promise<StatsXlsx> {
  const rows: OverviewRow[] = STATS_FIGURE_KEYS.map((k) => ({
    label: STATS_FIGURE_LABELS[k],
    value: overview[k],
    previous: overview.previousYear ? overview.previousYear[k] : null,
    money: MONEY.has(k),
  }));
  const funnel: [keyof StatsOverview['conversion'], string][] = [
    ['recommended', '转化：推荐'],
    ['contacted', '转化：已联系'],
    ['met', '转化：已洽谈'],
    ['intent', '转化：意向'],
    ['signed', '转化：签约'],
    ['landed', '转化：落地'],
  ];
  for (const [k, label] of funnel) {
    rows.push({
      label,
      value: overview.conversion[k],
      previous: overview.previousYear ? overview.previousYear.conversion[k] : null,
      money: false,
    });
  }
  const buffer = await writeTableBuffer<OverviewRow>(
    {
      title: '对接服务统计总览',
      filters,
      columns: [
        { header: '指标', key: 'label' },
        { header: '本期', key: 'value', kind: 'number', numFmt: '#,##0.##' },
        { header: '上年同期', key: 'previous', kind: 'number', numFmt: '#,##0.##' },
      ],
    },
    rows,
  );
  return { buffer, fileName: '对接服务统计总览.xlsx', asciiName: 'stats-overview.xlsx' };
}

interface AttentionRow {
  kind: string;
  name: string;
  detail: string;
  date: string | null;
}

/** The four attention lists in one sheet, the list named in the first column. */
export async function attentionXlsx(a: StatsAttention): Promise<StatsXlsx> {
  const rows: AttentionRow[] = [
    ...a.clustersWithoutLead.map((c) => ({
      kind: '无牵头协会的集群',
      name: c.name,
      detail: c.code,
      date: null,
    })),
    ...a.idleAssociations.map((x) => ({
      kind: '90天内无活动的协会',
      name: x.name,
      detail: '最近活动日期',
      date: x.lastEventDate,
    })),
    ...a.unclosedEvents.map((e) => ({
      kind: '举办超30天未结项的活动',
      name: e.title,
      detail: e.associationName,
      date: e.endDate,
    })),
    ...a.stuckIntents.map((i) => ({
      kind: '超180天未签约的意向',
      name: i.title,
      detail: i.enterpriseName,
      date: i.reachedOn,
    })),
  ];
  const buffer = await writeTableBuffer<AttentionRow>(
    {
      title: '需关注事项',
      columns: [
        { header: '类别', key: 'kind' },
        { header: '名称', key: 'name' },
        { header: '说明', key: 'detail' },
        { header: '日期', key: 'date', kind: 'date' },
      ],
    },
    rows,
  );
  return { buffer, fileName: '需关注事项.xlsx', asciiName: 'stats-attention.xlsx' };
}
