import type { DataSource, EntityManager } from 'typeorm';
import type { SheetRow } from '../excel/sheet-reader';
import type { ImportEntity, ImportRowError } from './import.entity';

export type RowOutcome = 'inserted' | 'updated' | 'unchanged';

/** What a kind handler may ask of the run: the job, and a place to report rejected rows. */
export interface ImportContext {
  readonly job: Pick<ImportEntity, 'id' | 'kind' | 'associationId' | 'requestedBy'>;
  /** Records why rows are rejected (one entry per cell problem); a rejected row is written nowhere. */
  reject(errors: ImportRowError[]): null;
}

/**
 * One import kind: checks each sheet row on its own (in memory), then writes checked rows in batches inside a
 * transaction. `write` may still reject rows that need the database to judge (unknown enterprise, a stage that
 * would go backwards); it answers the outcome of every row it wrote — rows it neither wrote nor rejected are
 * `unchanged`.
 */
export interface ImportKindHandler<R extends { rowNumber: number }> {
  /** Rows per write. Infinity: the whole file in one transaction (kinds whose rows refer to each other). */
  readonly batchSize: number;
  load(db: DataSource): Promise<void>;
  check(row: SheetRow): R | null;
  write(m: EntityManager, rows: R[]): Promise<Map<number, RowOutcome>>;
}
