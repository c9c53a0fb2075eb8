import type { DataSource, EntityManager } from 'typeorm';
import type { SheetRow } from '../excel/sheet-reader';
import { parseEnterpriseRow, type EnterpriseRow } from './enterprise-row';
import { upsertEnterprises, upsertMemberships } from './enterprise-upsert';
import type { ImportContext, ImportKindHandler, RowOutcome } from './import-kind';
import { H } from './import-sheets';

/** Rows written per statement: big enough for throughput, small enough that progress moves. */
export const ENTERPRISE_BATCH = 5000;

/** The enterprises and members sheets: upsert by credit code (and membership by association + enterprise). */
export class EnterpriseImport implements ImportKindHandler<EnterpriseRow> {
  readonly batchSize = ENTERPRISE_BATCH;
  private clusterIdByCode = new Map<string, string>();
  private associationIdByCode = new Map<string, string>();
  private readonly seen = new Map<string, number>();
  private readonly members: boolean;

  constructor(private readonly ctx: ImportContext) {
    this.members = ctx.job.kind === 'members';
  }

  async load(db: DataSource): Promise<void> {
    const clusters: { id: string; code: string }[] = await db.query('SELECT id, code FROM clusters');
    this.clusterIdByCode = new Map(clusters.map((c) => [c.code.toUpperCase(), c.id]));
    if (!this.members) return;
    const associations: { id: string; credit_code: string }[] = await db.query(
      'SELECT id, credit_code FROM associations',
    );
    this.associationIdByCode = new Map(associations.map((a) => [a.credit_code, a.id]));
  }

  check(sheetRow: SheetRow): EnterpriseRow | null {
    const parsed = parseEnterpriseRow(sheetRow, this.clusterIdByCode, this.members);
    if ('errors' in parsed) return this.ctx.reject(parsed.errors);
    const row = parsed.row;
    const first = this.seen.get(row.creditCode);
    if (first !== undefined)
      return this.ctx.reject([
        {
          row: row.rowNumber,
          column: H.creditCode,
          message: `与第 ${first} 行的信用代码重复（duplicate of row ${first}）`,
        },
      ]);
    if (this.members) {
      const associationId = this.associationIdByCode.get(row.associationCode!);
      if (!associationId)
        return this.ctx.reject([
          { row: row.rowNumber, column: H.associationCode, message: '协会不存在（no such association）' },
        ]);
      const own = this.ctx.job.associationId;
      if (own && associationId !== own)
        return this.ctx.reject([
          {
            row: row.rowNumber,
            column: H.associationCode,
            message: '只能导入本协会的会员（your own association only）',
          },
        ]);
    }
    this.seen.set(row.creditCode, row.rowNumber);
    return row;
  }

  async write(m: EntityManager, rows: EnterpriseRow[]): Promise<Map<number, RowOutcome>> {
    const { ids, outcome } = await upsertEnterprises(m, rows, this.members);
    const result = new Map<number, RowOutcome>();
    for (const n of outcome.inserted) result.set(n, 'inserted');
    for (const n of outcome.updated) result.set(n, 'updated');
    if (!this.members) return result;
    // a new membership counts as inserted; a changed one (or a changed enterprise) as updated
    const members = await upsertMemberships(
      m,
      rows.map((r) => ({
        rowNumber: r.rowNumber,
        associationId: this.associationIdByCode.get(r.associationCode!)!,
        enterpriseId: ids.get(r.creditCode)!,
        joinedOn: r.joinedOn,
      })),
    );
    for (const r of rows) {
      const n = r.rowNumber;
      if (members.inserted.has(n)) result.set(n, 'inserted');
      else if (members.updated.has(n) || result.has(n)) result.set(n, 'updated');
    }
    return result;
  }
}
