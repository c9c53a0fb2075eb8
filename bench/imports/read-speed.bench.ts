/**
 * I1 (reader part) — how fast the import sheet reader streams 100k enterprise rows, and its peak RSS.
 * Generates an Excel-like .xlsx (shared strings, a merged title row, date cells) with exceljs's streaming
 * writer, checks it with the upload guard, then reads it in a child process so the RSS figure is the reader's.
 * Run: node -r @swc-node/register bench/imports/read-speed.bench.ts   (env: I1_ROWS, I1_RUNS)
 * Profile: … read-speed.bench.ts generate /tmp/e.xlsx, then node --cpu-prof -r @swc-node/register … read /tmp/e.xlsx
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ExcelJS from 'exceljs';
import { cellDate, cellEnum, cellList, cellText } from '../../libs/core/src/excel/cell-values';
import { readSheetRows } from '../../libs/core/src/excel/sheet-reader';
import { inspectXlsxUpload } from '../../libs/core/src/excel/upload-guard';

const ROWS = Number(process.env.I1_ROWS ?? 100_000);
const RUNS = Number(process.env.I1_RUNS ?? 3);
const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '行政区划代码',
  '国民经济行业代码',
  '企业规模',
  '所属集群编码',
  '联系人',
  '联系电话',
  '入会日期',
];
const SPEC = { required: HEADERS.slice(0, 5), optional: HEADERS.slice(5) };
const SIZES = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
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
  '朝阳',
  '葫芦岛',
];
const TRADES = ['机床', '石化', '钢铁', '汽车零部件', '制药', '精密铸造', '电子', '船舶配套'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄'];

async function generate(path: string): Promise<void> {
  // shared strings and a title row above the header, as Excel and WPS write them
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('企业名录');
  ws.getRow(1).getCell(1).value = '辽宁省产业集群企业名录';
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getRow(1).commit();
  ws.getRow(2).values = HEADERS;
  ws.getRow(2).commit();
  const sizes = Object.values(SIZES);
  for (let i = 0; i < ROWS; i++) {
    const city = CITIES[i % CITIES.length];
    const row = ws.getRow(3 + i);
    row.values = [
      `${city}${TRADES[i % TRADES.length]}第${i}有限公司`,
      `91210${String(100 + (i % 900)).padStart(3, '0')}MA0${String(i).padStart(8, '0')}X`,
      210100 + (i % 14) * 100,
      `C${3400 + (i % 90)}`,
      sizes[i % 4],
      i % 3 === 0 ? 'SY-CNC、DL-PETRO' : 'AS-STEEL',
      `${SURNAMES[i % SURNAMES.length]}经理`,
      `138${String(i).padStart(8, '0')}`,
      new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 28))),
    ];
    row.getCell(9).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Child: read the file once (optionally normalising every cell) and print rows, seconds and peak RSS. */
async function readOnce(path: string, normalise: boolean): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let rows = 0;
  let bad = 0;
  for await (const r of readSheetRows(path, SPEC)) {
    rows++;
    if (normalise) {
      const v = r.values;
      cellText(v['企业名称']);
      cellText(v['统一社会信用代码']);
      cellText(v['行政区划代码']);
      cellText(v['国民经济行业代码']);
      if (!cellEnum(v['企业规模'], SIZES).ok) bad++;
      cellList(v['所属集群编码']);
      cellText(v['联系人']);
      cellText(v['联系电话']);
      if (!cellDate(v['入会日期']).ok) bad++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time too: wall-clock rates swing with whatever else the machine is running
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ rows, bad, seconds, cpuSeconds, rssMb }) + '\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  if (process.argv[2] === 'read') return readOnce(process.argv[3], process.argv[4] === 'normalise');
  if (process.argv[2] === 'generate') return generate(process.argv[3]); // for profiling by hand
  const dir = mkdtempSync(join(tmpdir(), 'i1-read-'));
  try {
    const path = join(dir, 'enterprises.xlsx');
    let t = performance.now();
    await generate(path);
    console.log(
      `generated ${ROWS} rows: ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const info = await inspectXlsxUpload(path);
    const sheet = info.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    console.log(
      `upload guard (with inflate check): ${(performance.now() - t).toFixed(0)} ms; uncompressed ${(info.uncompressedBytes / 1024 / 1024).toFixed(1)} MB, sheet ratio ${(sheet.uncompressedSize / sheet.compressedSize).toFixed(1)}:1`,
    );
    for (const mode of ['reader', 'normalise']) {
      const results: { rows: number; bad: number; seconds: number; cpuSeconds: number; rssMb: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const child = spawnSync(process.execPath, [...process.execArgv, __filename, 'read', path, mode], {
          encoding: 'utf8',
        });
        if (child.status !== 0) throw new Error(child.stderr);
        results.push(JSON.parse(child.stdout.trim().split('\n').pop()!));
      }
      const r = results[0];
      if (r.rows !== ROWS || r.bad !== 0) throw new Error(`read ${r.rows} rows, ${r.bad} bad`);
      const rate = median(results.map((x) => x.rows / x.seconds));
      const cpuRate = median(results.map((x) => x.rows / x.cpuSeconds));
      const rss = Math.max(...results.map((x) => x.rssMb));
      console.log(
        `${mode === 'reader' ? 'reader alone        ' : 'reader + normalisers'}: ${Math.round(rate)} rows/s wall, ${Math.round(cpuRate)} rows per CPU-second (medians of ${RUNS}), peak RSS ${rss.toFixed(0)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
