import type { EChartsCoreOption } from 'echarts/core';
import type { StatsFigures, StatsItem } from '@/api/types';
import { t } from '@/i18n';

const COLORS = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399'];

/** Events held and intents reached per month: bars and a line on one time axis. */
export function monthOption(items: StatsItem[]): EChartsCoreOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: items.map((i) => i.label || i.key) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('dashboard.eventsHeld'), type: 'bar', data: items.map((i) => i.eventsHeld), barMaxWidth: 28 },
      { name: t('dashboard.intents'), type: 'line', smooth: true, data: items.map((i) => i.intents) },
      {
        name: t('dashboard.enterprisesServed'),
        type: 'line',
        smooth: true,
        data: items.map((i) => i.enterprisesServed),
      },
    ],
  };
}

/** Horizontal bars of the top rows by events held, for clusters or associations. */
export function rankingOption(items: StatsItem[], top = 12): EChartsCoreOption {
  const rows = [...items]
    .sort((a, b) => b.eventsHeld - a.eventsHeld || b.intents - a.intents)
    .slice(0, top)
    .reverse();
  return {
    color: COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 150, right: 20, top: 30, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      { name: t('dashboard.eventsHeld'), type: 'bar', data: rows.map((r) => r.eventsHeld) },
      { name: t('dashboard.intents'), type: 'bar', data: rows.map((r) => r.intents) },
    ],
  };
}

/** Recommendations → meetings → intents → signed → landed. */
export function funnelOption(f: StatsFigures): EChartsCoreOption {
  const data = [
    { name: t('dashboard.recommendations'), value: f.recommendations },
    { name: t('dashboard.meetings'), value: f.meetings },
    { name: t('dashboard.intents'), value: f.intents },
    { name: t('dashboard.signed'), value: f.signed },
    { name: t('dashboard.landed'), value: f.landed },
  ];
  return {
    color: COLORS,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        left: '10%',
        width: '80%',
        sort: 'none',
        minSize: '10%',
        label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data,
      },
    ],
  };
}

/** The 14 cities as horizontal bars, largest on top. */
export function cityOption(rows: { name: string; value: number }[]): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => a.value - b.value);
  return {
    color: ['#2f6db5'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 70, right: 30, top: 10, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => r.name) },
    series: [{ type: 'bar', data: sorted.map((r) => r.value), label: { show: true, position: 'right' } }],
  };
}

/** Events held by event type as a ring; the tooltip adds participants, enterprises served and intents. */
export function eventTypeOption(items: StatsItem[]): EChartsCoreOption {
  const label = (i: StatsItem) => {
    const key = `enums.eventType.${i.key}`;
    const text = t(key);
    return text === key ? i.label || i.key : text;
  };
  const rows = items.filter((i) => i.eventsHeld > 0);
  const byName = new Map(rows.map((i) => [label(i), i]));
  return {
    color: ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#2f6db5'],
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) => {
        const i = byName.get(p.name);
        if (!i) return `${p.name}: ${p.value}`;
        return [
          `<b>${p.name}</b>`,
          `${t('dashboard.eventsHeld')}：${i.eventsHeld}（${p.percent}%）`,
          `${t('dashboard.participants')}：${i.participants}`,
          `${t('dashboard.enterprisesServed')}：${i.enterprisesServed}`,
          `${t('dashboard.intents')}：${i.intents}`,
        ].join('<br/>');
      },
    },
    legend: {
      bottom: 0,
      left: 'center',
      itemWidth: 10,
      itemHeight: 10,
      itemGap: 8,
      textStyle: { fontSize: 11 },
    },
    series: [
      {
        type: 'pie',
        radius: ['34%', '62%'],
        center: ['50%', '42%'],
        avoidLabelOverlap: true,
        label: { show: true, position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 },
        labelLine: { show: false },
        data: rows.map((i) => ({ name: label(i), value: i.eventsHeld })),
      },
    ],
  };
}
