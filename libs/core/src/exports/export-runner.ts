import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { writeTableStream } from '../excel/table-export';
import { ExportEntity } from './export.entity';
import { describeFilters } from './export-filters';
import { ExportLists } from './export-lists';

/** Rows read per page from the list's service while the workbook is written. */
const PAGE = 1000;

type ProgressReporter = (percent: number) => Promise<void>;

/**
 * Writes an export: pages through the list's own service as the requester (so scope holds), streams the rows
 * into an .xlsx with the filters on top, reports progress page by page, and stores the file. A retry starts over.
 */
@Injectable()
export class ExportRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ExportLists,
  ) {}

  async run(exportId: string, report: ProgressReporter): Promise<void> {
    const repo = this.db.getRepository(ExportEntity);
    const job = await repo.findOne({ where: { id: exportId } });
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    await this.db.query(
      `UPDATE exports SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()),
              progress = 0, rows = 0 WHERE id = $1`,
      [exportId],
    );
    const list = this.lists.of(job.list);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    let total = 0;
    const rows = async function* (this: void) {
      for (let page = 1; ; page++) {
        const result = await list.fetch(job.caller, { ...job.query, page, pageSize: PAGE });
        total = result.total;
        yield* result.items;
        const done = Math.min(result.total, page * PAGE);
        const percent = result.total ? Math.min(95, Math.round((done / result.total) * 95)) : 95;
        await repo.update(exportId, { progress: percent, rows: done });
        await report(percent);
        if (page * PAGE >= result.total || !result.items.length) return;
      }
    };
    const filters = await describeFilters(this.db, job.query);
    await writeTableStream({ title: list.spec.title, filters, columns: list.spec.columns }, rows(), sink);
    const content = Buffer.concat(chunks);
    await repo.update(exportId, {
      status: 'completed',
      progress: 100,
      rows: total,
      content,
      fileSize: content.length,
      fileName: `${list.spec.title}.xlsx`,
      finishedAt: new Date(),
    });
    await report(100);
  }

  async markFailed(exportId: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE exports SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [exportId, message],
    );
  }
}
