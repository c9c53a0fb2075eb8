import { cellDate, cellEnum, cellNumber, cellText } from '../excel/cell-values';
import type { SheetRow } from '../excel/sheet-reader';
import { INTENT_STAGE_LABELS, type IntentStage } from '../intents/intent.entity';
import { creditCodeError, normalizeCreditCode } from '../registry/identifiers/credit-code';
import { normalizeRegionCode, regionError } from '../registry/identifiers/region-codes';
import type { ImportRowError } from './import.entity';
import { IH } from './import-sheets';

/** One checked row of the intents sheet (合作意向). */
export interface IntentImportRow {
  rowNumber: number;
  title: string;
  enterpriseCode: string;
  counterpartCode: string | null;
  counterpartName: string | null;
  counterpartRegion: string | null;
  eventTitle: string | null;
  eventStart: string | null;
  clusterId: string | null;
  amountWan: number | null;
  currency: string | null;
  stage: IntentStage;
  reachedOn: string;
  signedOn: string | null;
  landedOn: string | null;
  droppedOn: string | null;
}

/** The sheet's date column of each stage. */
export const HEADER_OF: Record<IntentStage, string> = {
  intent: IH.reachedOn,
  signed: IH.signedOn,
  landed: IH.landedOn,
  dropped: IH.droppedOn,
};
const CURRENCY = /^[A-Z]{3}$/;

/** What a row's checks need besides the row. */
export interface IntentRowContext {
  clusterIdByCode: Map<string, string>;
  /** YYYY-MM-DD in China: no stage date may be later. */
  today: string;
}

/**
 * Checks one row on its own (codes, dates in stage order, the stage against its dates): the row, or every
 * problem found with its column and reason.
 */
export function parseIntentRow(
  sheetRow: SheetRow,
  { clusterIdByCode, today }: IntentRowContext,
): { row: IntentImportRow; errors?: undefined } | { row?: undefined; errors: ImportRowError[] } {
  const n = sheetRow.rowNumber;
  const v = sheetRow.values;
  const errors: ImportRowError[] = [];
  const fail = (column: string, message: string) => errors.push({ row: n, column, message });

  const title = cellText(v[IH.title]);
  if (!title) fail(IH.title, '必填');
  else if (title.length > 200) fail(IH.title, '意向名称不超过 200 个字');
  const enterpriseCode = normalizeCreditCode(cellText(v[IH.enterprise]));
  const enterpriseProblem = enterpriseCode ? creditCodeError(enterpriseCode) : '必填';
  if (enterpriseProblem) fail(IH.enterprise, enterpriseProblem);

  const counterpartCode = normalizeCreditCode(cellText(v[IH.counterpartCode])) || null;
  const counterpartName = cellText(v[IH.counterpartName]) || null;
  const counterpartRegion = normalizeRegionCode(cellText(v[IH.counterpartRegion])) || null;
  if (counterpartCode) {
    const problem = creditCodeError(counterpartCode);
    if (problem) fail(IH.counterpartCode, problem);
    else if (counterpartCode === enterpriseCode)
      fail(IH.counterpartCode, '对方不能是本企业（the counterpart is another enterprise）');
    if (counterpartName) fail(IH.counterpartName, '对方统一社会信用代码与对方名称只填一项');
  } else if (!counterpartName) {
    fail(IH.counterpartName, '请填写对方统一社会信用代码或对方名称之一');
  } else if (counterpartName.length > 200) fail(IH.counterpartName, '对方名称不超过 200 个字');
  if (counterpartRegion) {
    const problem = regionError(counterpartRegion);
    if (problem) fail(IH.counterpartRegion, problem);
  }

  const eventTitle = cellText(v[IH.eventTitle]) || null;
  const eventStart = cellDate(v[IH.eventStart]);
  if (!eventStart.ok) fail(IH.eventStart, eventStart.reason);
  else if (eventTitle && !eventStart.value) fail(IH.eventStart, '填写来源活动名称时必填');
  else if (!eventTitle && eventStart.value) fail(IH.eventTitle, '填写活动开始日期时必填');

  const clusterCode = cellText(v[IH.cluster]);
  const clusterId = clusterCode ? (clusterIdByCode.get(clusterCode.toUpperCase()) ?? null) : null;
  if (clusterCode && !clusterId) fail(IH.cluster, `集群编码不存在：${clusterCode}`);

  const amount = cellNumber(v[IH.amount], { min: 0, max: 999_999_999_999.99 });
  if (!amount.ok) fail(IH.amount, amount.reason);
  else if (amount.value !== null && Math.round(amount.value * 100) !== amount.value * 100)
    fail(IH.amount, `金额最多两位小数：${amount.value}`);
  const currency = cellText(v[IH.currency]).toUpperCase() || null;
  if (currency && !CURRENCY.test(currency)) fail(IH.currency, `币种应为三位字母代码，如 CNY：${currency}`);

  const dates = {} as Record<IntentStage, string | null>;
  for (const stage of ['intent', 'signed', 'landed', 'dropped'] as IntentStage[]) {
    const d = cellDate(v[HEADER_OF[stage]]);
    dates[stage] = null;
    if (!d.ok) fail(HEADER_OF[stage], d.reason);
    else if (d.value && d.value > today)
      fail(HEADER_OF[stage], `日期不能晚于今天：${d.value}（the date is in the future）`);
    else dates[stage] = d.value;
  }
  if (!dates.intent && !errors.some((e) => e.column === IH.reachedOn)) fail(IH.reachedOn, '必填');
  if (dates.intent && dates.signed && dates.signed < dates.intent)
    fail(IH.signedOn, `签约日期不能早于达成意向日期 ${dates.intent}`);
  if (dates.landed && !dates.signed) fail(IH.landedOn, '落地前须先签约：请填写签约日期');
  if (dates.landed && dates.signed && dates.landed < dates.signed)
    fail(IH.landedOn, `落地日期不能早于签约日期 ${dates.signed}`);
  if (dates.dropped && dates.landed) fail(IH.droppedOn, '已落地的意向不能终止：落地日期与终止日期只填一项');
  const lastBeforeDrop = dates.signed ?? dates.intent;
  if (dates.dropped && lastBeforeDrop && dates.dropped < lastBeforeDrop)
    fail(IH.droppedOn, `终止日期不能早于上一阶段日期 ${lastBeforeDrop}`);
  const implied: IntentStage = dates.dropped
    ? 'dropped'
    : dates.landed
      ? 'landed'
      : dates.signed
        ? 'signed'
        : 'intent';
  const stageCell = cellEnum(v[IH.stage], INTENT_STAGE_LABELS);
  if (!stageCell.ok) fail(IH.stage, stageCell.reason);
  else if (stageCell.value && stageCell.value !== implied && !errors.length)
    fail(
      IH.stage,
      `阶段“${INTENT_STAGE_LABELS[stageCell.value]}”与所填日期不符：` +
        (stageCell.value === 'intent'
          ? '意向阶段不填签约、落地、终止日期'
          : `请填写${HEADER_OF[stageCell.value]}${stageCell.value === 'signed' ? '，不填落地、终止日期' : ''}`),
    );
  if (errors.length) return { errors };
  return {
    row: {
      rowNumber: n,
      title,
      enterpriseCode,
      counterpartCode,
      counterpartName,
      counterpartRegion: counterpartCode ? null : counterpartRegion,
      eventTitle,
      eventStart: eventStart.ok ? eventStart.value : null,
      clusterId,
      amountWan: amount.ok ? amount.value : null,
      currency,
      stage: implied,
      reachedOn: dates.intent!,
      signedOn: dates.signed,
      landedOn: dates.landed,
      droppedOn: dates.dropped,
    },
  };
}
