import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_CALLER } from '../common/caller';
import { readSheetRows, SheetReadError } from '../excel/sheet-reader';
import { UploadRejectedError } from '../excel/upload-guard';
import { parseEnterpriseRow, type EnterpriseRow } from './enterprise-row';
import { upsertEnterprises, upsertMemberships } from './enterprise-upsert';
import { ImportEntity, type ImportRowError } from './import.entity';
import { H, sheetSpecOf } from './import-sheets';

/** Rows written per transaction: big enough for throughput, small enough that progress moves. */
const BATCH = 2000;
/** Rejected rows kept in the report; beyond this the report says it was cut. */
export const MAX_REPORTED_ERRORS = 10_000;
const CHUNK = 64 * 1024;

/** A file that can never import (not a workbook, headers missing): fail at once, do not retry. */
export class ImportFileError extends Error {}

type ProgressReporter = (percent: number) => Promise<void>;

/**
 * Runs an import row by row: every row is checked on its own, good rows land in batches (upsert by credit code and
 * natural keys), rejected rows are reported with row number, column and reason and change nothing. Re-running the
 * same file, or retrying the job, converges on the same data.
 */
@Injectable()
export class ImportRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async run(importId: string, report: ProgressReporter): Promise<void> {
    const repo = this.db.getRepository(ImportEntity);
    const job = await repo
      .createQueryBuilder('i')
      .addSelect('i.content')
      .where('i.id = :importId', { importId })
      .getOne();
    if (!job || job.status === 'completed' || job.status === 'failed' || !job.content) return;
    await this.db.query(
      `UPDATE imports SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()),
              imported = 0, updated = 0, unchanged = 0, rejected = 0, total = 0, errors = '[]' WHERE id = $1`,
      [importId],
    );
    const content = job.content;
    let consumed = 0;
    const source = Readable.from(
      (function* () {
        for (let at = 0; at < content.length; at += CHUNK) {
          consumed = Math.min(content.length, at + CHUNK);
          yield content.subarray(at, at + CHUNK);
        }
      })(),
    );
    const state = new ImportState(job);
    await state.loadLookups(this.db);
    try {
      let batch: EnterpriseRow[] = [];
      for await (const sheetRow of readSheetRows(source, sheetSpecOf(job.kind))) {
        const row = state.check(sheetRow);
        if (row) batch.push(row);
        if (batch.length >= BATCH) {
          await this.flush(state, batch);
          batch = [];
          const percent = Math.min(95, Math.round((consumed / content.length) * 95));
          await repo.update(importId, { progress: percent, ...state.counts() });
          await report(percent);
        }
      }
      await this.flush(state, batch);
    } catch (error) {
      if (error instanceof SheetReadError || error instanceof UploadRejectedError)
        throw new ImportFileError(error.message);
      throw error;
    }
    await this.db.transaction(async (m) => {
      await m.update(ImportEntity, importId, {
        status: 'completed',
        progress: 100,
        ...state.counts(),
        errors: state.errors,
        errorsTruncated: state.truncated,
        content: null,
        finishedAt: new Date(),
      });
      await this.audit.record(m, SYSTEM_CALLER, 'import', job.kind, importId, null, {
        fileName: job.fileName,
        requestedBy: job.requestedBy,
        ...state.counts(),
      });
    });
    await report(100);
  }

  async markFailed(importId: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE imports SET status = 'failed', error = $2, content = NULL, finished_at = now() WHERE id = $1`,
      [importId, message],
    );
  }

  private async flush(state: ImportState, rows: EnterpriseRow[]): Promise<void> {
    if (!rows.length) return;
    await this.db.transaction(async (m) => {
      const { ids, outcome } = await upsertEnterprises(m, rows);
      if (state.kind === 'members') {
        const members = await upsertMemberships(
          m,
          rows.map((r) => ({
            rowNumber: r.rowNumber,
            associationId: state.associationIdByCode.get(r.associationCode!)!,
            enterpriseId: ids.get(r.creditCode)!,
            joinedOn: r.joinedOn,
          })),
        );
        const unchanged = new Set(outcome.unchanged);
        state.tally(rows, (n) =>
          members.inserted.has(n)
            ? 'inserted'
            : members.updated.has(n) || !unchanged.has(n)
              ? 'updated'
              : 'unchanged',
        );
      } else {
        const inserted = new Set(outcome.inserted);
        const updated = new Set(outcome.updated);
        state.tally(rows, (n) => (inserted.has(n) ? 'inserted' : updated.has(n) ? 'updated' : 'unchanged'));
      }
    });
  }
}

/** What one run has seen so far: lookups, duplicates within the file, counts and the rejected rows. */
class ImportState {
  readonly kind: ImportEntity['kind'];
  clusterIdByCode = new Map<string, string>();
  associationIdByCode = new Map<string, string>();
  private readonly ownAssociationId: string | null;
  private readonly seen = new Map<string, number>();
  readonly errors: ImportRowError[] = [];
  truncated = false;
  private total = 0;
  private rejectedRows = new Set<number>();
  private imported = 0;
  private updated = 0;
  private unchanged = 0;

  constructor(job: ImportEntity) {
    this.kind = job.kind;
    this.ownAssociationId = job.associationId;
  }

  async loadLookups(db: DataSource): Promise<void> {
    const clusters: { id: string; code: string }[] = await db.query('SELECT id, code FROM clusters');
    this.clusterIdByCode = new Map(clusters.map((c) => [c.code.toUpperCase(), c.id]));
    const associations: { id: string; credit_code: string }[] = await db.query(
      'SELECT id, credit_code FROM associations',
    );
    this.associationIdByCode = new Map(associations.map((a) => [a.credit_code, a.id]));
  }

  /** The row ready to write, or null after recording why it is rejected. */
  check(sheetRow: Parameters<typeof parseEnterpriseRow>[0]): EnterpriseRow | null {
    this.total += 1;
    const parsed = parseEnterpriseRow(sheetRow, this.clusterIdByCode, this.kind === 'members');
    if ('errors' in parsed) return this.reject(parsed.errors);
    const row = parsed.row;
    const first = this.seen.get(row.creditCode);
    if (first !== undefined)
      return this.reject([
        {
          row: row.rowNumber,
          column: H.creditCode,
          message: `与第 ${first} 行的信用代码重复（duplicate of row ${first}）`,
        },
      ]);
    if (this.kind === 'members') {
      const associationId = this.associationIdByCode.get(row.associationCode!);
      if (!associationId)
        return this.reject([
          { row: row.rowNumber, column: H.associationCode, message: '协会不存在（no such association）' },
        ]);
      if (this.ownAssociationId && associationId !== this.ownAssociationId)
        return this.reject([
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

  tally(rows: EnterpriseRow[], outcome: (rowNumber: number) => 'inserted' | 'updated' | 'unchanged'): void {
    for (const r of rows) {
      const o = outcome(r.rowNumber);
      if (o === 'inserted') this.imported += 1;
      else if (o === 'updated') this.updated += 1;
      else this.unchanged += 1;
    }
  }

  counts() {
    return {
      total: this.total,
      imported: this.imported,
      updated: this.updated,
      unchanged: this.unchanged,
      rejected: this.rejectedRows.size,
    };
  }

  private reject(errors: ImportRowError[]): null {
    for (const e of errors) {
      this.rejectedRows.add(e.row);
      if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
      else this.truncated = true;
    }
    return null;
  }
}
