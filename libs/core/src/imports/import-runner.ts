import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SYSTEM_CALLER } from '../common/caller';
import { readSheetRows, SheetReadError } from '../excel/sheet-reader';
import { UploadRejectedError } from '../excel/upload-guard';
import { EnterpriseImport } from './enterprise-import';
import { EventImport } from './event-import';
import { ImportEntity, type ImportRowError } from './import.entity';
import type { ImportContext, ImportKindHandler, RowOutcome } from './import-kind';
import { sheetSpecOf } from './import-sheets';
import { IntentImport } from './intent-import';

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
 *
 * Reading and writing overlap: while one batch is written, the next is read and checked (PostgreSQL and Node work
 * at the same time). Batches commit with `synchronous_commit = off`: the final commit that marks the import
 * completed is synchronous and flushes the WAL before it, so a crash can lose only batches of an import still
 * `running`, which the worker re-queues at start and which converges when re-run.
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
    // a function, so that the reader can open the file again (see openSheet)
    const source = (): Readable =>
      Readable.from(
        (function* () {
          for (let at = 0; at < content.length; at += CHUNK) {
            consumed = Math.min(content.length, at + CHUNK);
            yield content.subarray(at, at + CHUNK);
          }
        })(),
      );
    const state = new ImportState(job);
    const handler = handlerFor(state);
    await handler.load(this.db);
    // at most one batch in flight: a write error surfaces at the next hand-over or at the end
    let inFlight: Promise<void> | null = null;
    const handOver = async (rows: { rowNumber: number }[], percent: number | null): Promise<void> => {
      if (inFlight) await inFlight;
      inFlight = this.write(state, handler, rows, importId, percent, report);
      inFlight.catch(() => undefined);
    };
    try {
      let batch: { rowNumber: number }[] = [];
      for await (const sheetRow of readSheetRows(source, sheetSpecOf(job.kind))) {
        state.total += 1;
        const row = handler.check(sheetRow);
        if (row) batch.push(row);
        if (batch.length >= handler.batchSize) {
          await handOver(batch, Math.min(95, Math.round((consumed / content.length) * 95)));
          batch = [];
        }
      }
      if (batch.length) await handOver(batch, null);
      if (inFlight) await inFlight;
    } catch (error) {
      if (inFlight) await (inFlight as Promise<void>).catch(() => undefined);
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

  /** One batch and its progress in one transaction; rows the handler rejects while writing count as rejected. */
  private async write(
    state: ImportState,
    handler: ImportKindHandler<{ rowNumber: number }>,
    rows: { rowNumber: number }[],
    importId: string,
    percent: number | null,
    report: ProgressReporter,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query('SET LOCAL synchronous_commit = off');
      const outcome = await handler.write(m, rows);
      state.tally(rows, outcome);
      if (percent !== null) await m.update(ImportEntity, importId, { progress: percent, ...state.counts() });
    });
    if (percent !== null) await report(percent);
  }
}

function handlerFor(ctx: ImportContext): ImportKindHandler<{ rowNumber: number }> {
  switch (ctx.job.kind) {
    case 'enterprises':
    case 'members':
      return new EnterpriseImport(ctx) as unknown as ImportKindHandler<{ rowNumber: number }>;
    case 'events':
      return new EventImport(ctx) as unknown as ImportKindHandler<{ rowNumber: number }>;
    case 'intents':
      return new IntentImport(ctx) as unknown as ImportKindHandler<{ rowNumber: number }>;
  }
}

/** What one run has seen so far: counts and the rejected rows. */
class ImportState implements ImportContext {
  readonly job: ImportEntity;
  readonly errors: ImportRowError[] = [];
  truncated = false;
  total = 0;
  private readonly rejectedRows = new Set<number>();
  private imported = 0;
  private updated = 0;
  private unchanged = 0;

  constructor(job: ImportEntity) {
    this.job = job;
  }

  tally(rows: { rowNumber: number }[], outcome: Map<number, RowOutcome>): void {
    for (const r of rows) {
      if (this.rejectedRows.has(r.rowNumber)) continue;
      const o = outcome.get(r.rowNumber);
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

  reject(errors: ImportRowError[]): null {
    for (const e of errors) {
      this.rejectedRows.add(e.row);
      if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
      else this.truncated = true;
    }
    return null;
  }
}
