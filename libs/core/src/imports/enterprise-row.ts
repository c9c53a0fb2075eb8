import { cellDate, cellEnum, cellList, cellText } from '../excel/cell-values';
import type { SheetRow } from '../excel/sheet-reader';
import { creditCodeError, normalizeCreditCode } from '../registry/identifiers/credit-code';
import { industryCodeError, normalizeIndustryCode } from '../registry/identifiers/industry-code';
import { normalizeRegionCode, regionError } from '../registry/identifiers/region-codes';
import { ENTERPRISE_SCALE_LABELS, type EnterpriseScale } from '../registry/enterprise.entity';
import type { ImportRowError } from './import.entity';
import { H } from './import-sheets';

/** A row of the enterprises or members sheet, checked and normalised, ready to upsert. */
export interface EnterpriseRow {
  rowNumber: number;
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string | null;
  scale: EnterpriseScale;
  clusterIds: string[];
  contactName: string | null;
  contactPhone: string | null;
  associationCode: string | null;
  joinedOn: string | null;
}

const PHONE = /^[0-9+\-() ]{5,20}$/;

/**
 * Checks one sheet row; every problem is reported with its column, so a person can fix the file in one pass.
 * `clusterIdByCode` resolves 所属集群编码; `withMembership` adds the members sheet's two columns.
 */
export function parseEnterpriseRow(
  row: SheetRow,
  clusterIdByCode: ReadonlyMap<string, string>,
  withMembership: boolean,
): { row: EnterpriseRow } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (column: string, message: string) => errors.push({ row: row.rowNumber, column, message });
  const v = row.values;

  const name = cellText(v[H.name]);
  if (name.length < 2 || name.length > 100) fail(H.name, name ? '企业名称应为 2–100 个字' : '必填');

  const creditCode = normalizeCreditCode(cellText(v[H.creditCode]));
  const creditError = creditCode ? creditCodeError(creditCode) : '必填';
  if (creditError) fail(H.creditCode, creditError);

  const regionCode = normalizeRegionCode(cellText(v[H.regionCode]));
  const regionProblem = regionCode ? regionError(regionCode) : '必填';
  if (regionProblem) fail(H.regionCode, regionProblem);

  const industryText = cellText(v[H.industryCode]);
  const industryCode = industryText ? normalizeIndustryCode(industryText) : null;
  const industryProblem = industryCode ? industryCodeError(industryCode) : null;
  if (industryProblem) fail(H.industryCode, industryProblem);

  const scale = cellEnum(v[H.scale], ENTERPRISE_SCALE_LABELS);
  if (!scale.ok) fail(H.scale, scale.reason);
  else if (scale.value === null) fail(H.scale, '必填（大型/中型/小型/微型）');

  const clusterIds: string[] = [];
  for (const code of cellList(v[H.clusters])) {
    const id = clusterIdByCode.get(code.toUpperCase());
    if (id) clusterIds.push(id);
    else fail(H.clusters, `集群编码不存在：${code}`);
  }

  const contactName = cellText(v[H.contactName]) || null;
  if (contactName && contactName.length > 50) fail(H.contactName, '联系人不超过 50 个字');
  const contactPhone = cellText(v[H.contactPhone]) || null;
  if (contactPhone && !PHONE.test(contactPhone)) fail(H.contactPhone, `电话号码格式不对：${contactPhone}`);

  let associationCode: string | null = null;
  let joinedOn: string | null = null;
  if (withMembership) {
    associationCode = normalizeCreditCode(cellText(v[H.associationCode])) || null;
    const problem = associationCode ? creditCodeError(associationCode) : '必填';
    if (problem) fail(H.associationCode, problem);
    const joined = cellDate(v[H.joinedOn]);
    if (!joined.ok) fail(H.joinedOn, joined.reason);
    else joinedOn = joined.value;
  }

  if (errors.length) return { errors };
  return {
    row: {
      rowNumber: row.rowNumber,
      name,
      creditCode,
      regionCode,
      industryCode,
      scale: (scale as { value: EnterpriseScale }).value,
      clusterIds: [...new Set(clusterIds)],
      contactName,
      contactPhone,
      associationCode,
      joinedOn,
    },
  };
}
