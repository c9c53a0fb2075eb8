import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/**
 * Streams text-format COPY data into a table on the transaction's own connection (several times faster than
 * multi-row INSERTs with array parameters). `chunks` are whole lines; backpressure is respected.
 */
export async function copyInto(
  m: EntityManager,
  copySql: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  if (!m.queryRunner) throw new Error('copyInto needs a transaction (an EntityManager with a query runner)');
  const client = (await m.queryRunner.connect()) as PoolClient;
  await pipeline(Readable.from(chunks), client.query(copyFrom(copySql)));
}

/** A value as a field of COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}
