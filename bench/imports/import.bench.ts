/**
 * I1 — Excel import of 100k enterprises through the real import path (ImportRunner in a Nest application
 * context on a throwaway PostgreSQL database): rows/s and peak RSS for a first import (all inserts) and a second
 * import of the same file (all unchanged), checked for completeness (every good row landed, every bad row reported
 * with its row number and column), against the bare sheet reader on the same file in the same run.
 *
 * Run:     node -r @swc-node/register bench/imports/import.bench.ts          (env: I1_ROWS, I1_RUNS, I1_PROF=dir)
 * Profile: I1_PROF=/tmp/prof node -r @swc-node/register bench/imports/import.bench.ts  → .cpuprofile per child
 * Bar (docs/benchmarks.md I1): ≥ 20k rows/s, RSS ≤ 500 MB.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as ExcelJS from 'exceljs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  ENTERPRISE_SCALE_LABELS,
  ImportEntity,
  ImportRunner,
  ImportsModule,
  liaoningCounties,
  makeCreditCode,
} from '@app/core';
import { PlatformModule } from '@app/platform';
import { readSheetRows } from '../../libs/core/src/excel/sheet-reader';
import { sheetSpecOf } from '../../libs/core/src/imports/import-sheets';
import { testConfig } from '../../test/support/test-config';
import { createBenchDatabase } from '../publishing/bench-world';

const ROWS = Number(process.env.I1_ROWS ?? 100_000);
const RUNS = Number(process.env.I1_RUNS ?? 3);
const PROF = process.env.I1_PROF;
const BAR_ROWS_PER_S = 20_000;
const BAR_RSS_MB = 500;

const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '行政区划代码',
  '国民经济行业代码',
  '企业规模',
  '所属集群编码',
  '联系人',
  '联系电话',
] as const;
const FIRST_DATA_ROW = 4; // title, empty row, header
const CLUSTERS = [
  'SY-CNC',
  'DL-PETRO',
  'AS-STEEL',
  'SY-AUTO',
  'DL-SHIP',
  'YK-MAG',
  'JZ-PV',
  'PJ-CHEM',
  'BX-PHARMA',
  'DD-INSTR',
  'TL-VALVE',
  'FX-FLUID',
];
const CITIES = [
  '沈阳',
  '大连',
  '鞍山',
  '抚顺',
  '本溪',
  '丹东',
  '锦州',
  '营口',
  '阜新',
  '辽阳',
  '盘锦',
  '铁岭',
];
const TRADES = [
  '机床',
  '石化',
  '钢铁',
  '汽车零部件',
  '制药',
  '精密铸造',
  '电子',
  '船舶配套',
  '阀门',
  '新材料',
];
const SUFFIX = ['有限公司', '股份有限公司', '科技有限公司', '制造有限公司'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰'];
const INDUSTRY = ['C3421', 'C2614', 'C3670', 'C3311', 'C2710', 'C3731', 'C3443', 'C3982', null];

/** mulberry32: small, fast, seeded — the same file every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type BadKind = 'check-char' | 'region' | 'scale' | 'cluster' | 'duplicate' | 'phone' | 'industry' | 'name';
const BAD_KINDS: { kind: BadKind; column: (typeof HEADERS)[number] }[] = [
  { kind: 'check-char', column: '统一社会信用代码' },
  { kind: 'region', column: '行政区划代码' },
  { kind: 'scale', column: '企业规模' },
  { kind: 'cluster', column: '所属集群编码' },
  { kind: 'duplicate', column: '统一社会信用代码' },
  { kind: 'phone', column: '联系电话' },
  { kind: 'industry', column: '国民经济行业代码' },
  { kind: 'name', column: '企业名称' },
];

interface Expected {
  good: number;
  bad: Map<number, string>; // sheet row → column
}

/** ~1 % bad rows of eight kinds, each with exactly one problem; the rest valid and distinct. */
async function generate(path: string): Promise<Expected> {
  const rnd = prng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const regions = liaoningCounties().map((r) => r.code);
  const scales = Object.values(ENTERPRISE_SCALE_LABELS);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('企业名录');
  ws.getRow(1).getCell(1).value = '2026年辽宁省重点产业集群企业名录';
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getRow(1).commit();
  ws.getRow(3).values = [...HEADERS];
  ws.getRow(3).commit();
  const bad = new Map<number, string>();
  const goodCodes: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const rowNumber = FIRST_DATA_ROW + i;
    const region = pick(regions);
    let code = makeCreditCode(`91${region}MA${String(i).padStart(7, '0')}`);
    let name = `${pick(CITIES)}${pick(TRADES)}第${i}${pick(SUFFIX)}`;
    let regionCell: string | number = rnd() < 0.3 ? Number(region) : region; // some as number cells
    let industry: string | null = pick(INDUSTRY);
    let scale: string | null = pick(scales);
    const nClusters = rnd() < 0.35 ? 0 : rnd() < 0.8 ? 1 : 2;
    const clusterCodes = [pick(CLUSTERS), pick(CLUSTERS)].slice(0, nClusters);
    let clusters = clusterCodes.join(rnd() < 0.5 ? '、' : ',');
    let phone: string | null =
      rnd() < 0.1
        ? null
        : rnd() < 0.8
          ? `13${Math.floor(rnd() * 1e9)}`.padEnd(11, '0')
          : `024-2${i % 10_000_000}`;
    const contact = rnd() < 0.1 ? null : `${pick(SURNAMES)}${pick(GIVEN)}`;
    const badKind = rnd() < 0.01 ? pick(BAD_KINDS) : null;
    if (badKind && (badKind.kind !== 'duplicate' || goodCodes.length)) {
      bad.set(rowNumber, badKind.column);
      switch (badKind.kind) {
        case 'check-char': {
          const last = code[17] === '0' ? '1' : '0';
          code = code.slice(0, 17) + last;
          break;
        }
        case 'region':
          regionCell = '219999';
          break;
        case 'scale':
          scale = null;
          break;
        case 'cluster':
          clusters = 'NO-SUCH';
          break;
        case 'duplicate':
          code = pick(goodCodes);
          break;
        case 'phone':
          phone = '电话待补';
          break;
        case 'industry':
          industry = 'Z9999';
          break;
        case 'name':
          name = '甲';
          break;
      }
    } else goodCodes.push(code);
    ws.getRow(rowNumber).values = [name, code, regionCell, industry, scale, clusters || null, contact, phone];
    ws.getRow(rowNumber).commit();
  }
  ws.commit();
  await wb.commit();
  return { good: goodCodes.length, bad };
}

interface ChildResult {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  /** Peak RSS sampled every 50 ms during the import itself. */
  importRssMb: number;
  /** Peak RSS of the whole worker-like process (Nest boot included). */
  processRssMb: number;
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string; message: string }[];
}

@Module({})
class BenchModule {}

/** Child: a worker-shaped Nest context, one import of `path` timed from ImportRunner.run to its return. */
async function runImportChild(url: string, path: string): Promise<void> {
  const config = testConfig(url, { queuePrefix: `clbench-i1-${process.pid}` });
  const app = await NestFactory.createApplicationContext(
    { module: BenchModule, imports: [PlatformModule.forRoot(config), ImportsModule] },
    { logger: false },
  );
  try {
    const content = readFileSync(path);
    const db = app.get(DataSource);
    const saved = await db.getRepository(ImportEntity).save({
      kind: 'enterprises',
      fileName: 'i1.xlsx',
      fileSize: content.length,
      content,
      requestedBy: null,
      associationId: null,
    });
    const runner = app.get(ImportRunner);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await runner.run(saved.id, async () => undefined);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const done = await db.getRepository(ImportEntity).findOneByOrFail({ id: saved.id });
    if (done.status !== 'completed') throw new Error(`import ${done.status}: ${done.error}`);
    const result: ChildResult = {
      rows: done.total,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      importRssMb: peak / 1024 / 1024,
      processRssMb: process.resourceUsage().maxRSS / 1024,
      total: done.total,
      imported: done.imported,
      updated: done.updated,
      unchanged: done.unchanged,
      rejected: done.rejected,
      errors: done.errors,
    };
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
  }
}

/** Child: the bare sheet reader over the same file and header spec (the baseline). */
async function runReaderChild(path: string): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let rows = 0;
  for await (const _ of readSheetRows(path, sheetSpecOf('enterprises'))) rows++;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `\n${JSON.stringify({ rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, importRssMb: rss, processRssMb: rss })}\n`,
  );
}

function child<T>(args: string[], label: string): T {
  const prof = PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF}`, `--cpu-prof-name=${label}.cpuprofile`] : [];
  const run = spawnSync(process.execPath, [...prof, ...process.execArgv, __filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}\n${run.stdout.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

function checkRun(
  label: string,
  r: ChildResult,
  expected: Expected,
  want: { imported: number; unchanged: number },
): string[] {
  const problems: string[] = [];
  if (r.total !== ROWS) problems.push(`${label}: total ${r.total}, expected ${ROWS}`);
  if (r.imported !== want.imported)
    problems.push(`${label}: imported ${r.imported}, expected ${want.imported}`);
  if (r.unchanged !== want.unchanged)
    problems.push(`${label}: unchanged ${r.unchanged}, expected ${want.unchanged}`);
  if (r.updated !== 0) problems.push(`${label}: updated ${r.updated}, expected 0`);
  if (r.rejected !== expected.bad.size)
    problems.push(`${label}: rejected ${r.rejected}, expected ${expected.bad.size}`);
  const reported = new Map(r.errors.map((e) => [e.row, e]));
  for (const [row, column] of expected.bad) {
    const e = reported.get(row);
    if (!e) problems.push(`${label}: bad row ${row} not reported`);
    else if (e.column !== column || !e.message)
      problems.push(`${label}: row ${row} reported on ${e.column} (${e.message}), expected ${column}`);
  }
  for (const e of r.errors)
    if (!expected.bad.has(e.row))
      problems.push(`${label}: good row ${e.row} rejected: ${e.column} ${e.message}`);
  return problems.slice(0, 20);
}

async function main(): Promise<void> {
  if (process.argv[2] === 'import') return runImportChild(process.argv[3], process.argv[4]);
  if (process.argv[2] === 'read') return runReaderChild(process.argv[3]);
  const dir = mkdtempSync(join(tmpdir(), 'i1-import-'));
  const db = await createBenchDatabase('cl_bench_i1');
  try {
    const path = join(dir, 'enterprises.xlsx');
    let t = performance.now();
    const expected = await generate(path);
    console.log(
      `generated ${ROWS} rows (${expected.good} good, ${expected.bad.size} bad of 8 kinds): ` +
        `${(statSync(path).size / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await sql(
      db.url,
      `INSERT INTO clusters (code, name, tier) SELECT c, '基准集群 ' || c, 'regional' FROM unnest($1::text[]) AS c`,
      [CLUSTERS],
    );
    const reader: ChildResult[] = [];
    const first: ChildResult[] = [];
    const second: ChildResult[] = [];
    const problems: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      t = performance.now();
      await sql(db.url, 'TRUNCATE enterprise_clusters, enterprises CASCADE');
      reader.push(child<ChildResult>(['read', path], `reader-${run}`));
      const a = child<ChildResult>(['import', db.url, path], `first-${run}`);
      const [{ n, linked }] = await sql<{ n: number; linked: number }>(
        db.url,
        `SELECT (SELECT count(*) FROM enterprises)::int AS n, (SELECT count(*) FROM enterprise_clusters)::int AS linked`,
      );
      if (n !== expected.good)
        problems.push(`run ${run}: ${n} enterprises in the database, expected ${expected.good}`);
      problems.push(...checkRun(`run ${run} first`, a, expected, { imported: expected.good, unchanged: 0 }));
      const b = child<ChildResult>(['import', db.url, path], `second-${run}`);
      problems.push(...checkRun(`run ${run} second`, b, expected, { imported: 0, unchanged: expected.good }));
      const [after] = await sql<{ n: number; linked: number; versions: number }>(
        db.url,
        `SELECT (SELECT count(*) FROM enterprises)::int AS n, (SELECT count(*) FROM enterprise_clusters)::int AS linked,
                (SELECT count(*) FROM enterprises WHERE version <> 1)::int AS versions`,
      );
      if (after.n !== n || after.linked !== linked || after.versions !== 0)
        problems.push(`run ${run}: the second import changed data (${JSON.stringify(after)})`);
      first.push(a);
      second.push(b);
      console.log(
        `run ${run}/${RUNS}: reader ${Math.round(ROWS / reader[run - 1].seconds)} rows/s, first ${Math.round(ROWS / a.seconds)} rows/s, ` +
          `second ${Math.round(ROWS / b.seconds)} rows/s (${((performance.now() - t) / 1000).toFixed(0)} s)`,
      );
    }
    const readerRate = median(reader.map((r) => ROWS / r.seconds));
    const table = [
      ['sheet reader alone (baseline)', reader],
      ['first import (all inserts)', first],
      ['second import (all unchanged)', second],
    ] as const;
    console.log(
      `\nI1 — ${ROWS} enterprise rows, medians of ${RUNS} runs (wall clock; machine shared, 2 cores)`,
    );
    console.log(
      '| path | rows/s | rows per CPU-s | s | ×reader speed | peak RSS during import | peak process RSS |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const [label, rs] of table) {
      const rate = median(rs.map((r) => ROWS / r.seconds));
      console.log(
        `| ${label} | ${Math.round(rate)} | ${Math.round(median(rs.map((r) => ROWS / r.cpuSeconds)))} | ` +
          `${median(rs.map((r) => r.seconds)).toFixed(2)} | ${(rate / readerRate).toFixed(2)} | ` +
          `${Math.max(...rs.map((r) => r.importRssMb)).toFixed(0)} MB | ${Math.max(...rs.map((r) => r.processRssMb)).toFixed(0)} MB |`,
      );
    }
    const worstRate = Math.min(
      median(first.map((r) => ROWS / r.seconds)),
      median(second.map((r) => ROWS / r.seconds)),
    );
    const worstRss = Math.max(...[...first, ...second].map((r) => r.processRssMb));
    console.log(
      `\nrejected rows: ${expected.bad.size} expected, every one reported with row and column: ${problems.length ? 'NO' : 'yes'}; ` +
        `good rows landed: ${expected.good}`,
    );
    console.log(
      `bar ≥ ${BAR_ROWS_PER_S} rows/s: ${worstRate >= BAR_ROWS_PER_S ? 'PASS' : 'FAIL'} (${Math.round(worstRate)}); ` +
        `RSS ≤ ${BAR_RSS_MB} MB: ${worstRss <= BAR_RSS_MB ? 'PASS' : 'FAIL'} (${worstRss.toFixed(0)} MB)`,
    );
    if (problems.length) {
      console.error(`\ncorrectness problems:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
