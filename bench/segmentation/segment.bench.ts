/**
 * S1 — segmentation of industrial postings: MB/s on one core of the engine's tokenizer (jieba + industrial
 * dictionary + stop words + synonyms), of bare jieba with the same dictionary, and of Intl.Segmenter('zh'),
 * all on the same seeded text; and the share of the dictionary's terms kept whole inside a sentence.
 * Run: npm run bench:segment (env: S1_POSTINGS, S1_RUNS)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTokenizer } from '@app/match-engine';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { EVAL_POSTINGS } from '../matching/eval-set';
import { generatePostings, seededRandom } from '../matching/posting-generator';

const POSTINGS = Number(process.env.S1_POSTINGS ?? 8000);
const RUNS = Number(process.env.S1_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function dictionaryTerms(): string[] {
  const path = join(__dirname, '../../libs/match-engine/data/industrial-dict.txt');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split(/\s+/)[0])
    .filter((w) => w.length >= 2);
}

function main(): void {
  // realistic text: the hand-written evaluation postings and seeded generated ones, one text a posting
  const { demands, supplies } = generatePostings({ demands: POSTINGS / 2, supplies: POSTINGS / 2, seed: 7 });
  const texts = [...EVAL_POSTINGS, ...demands, ...supplies].map(
    (d) => `${d.title}。${d.keywords.join('、')}。${d.description}`,
  );
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  const tokenizer = createTokenizer();
  const bare = createTokenizer({ synonyms: false, expandCompounds: false });
  const intl = new Intl.Segmenter('zh', { granularity: 'word' });
  const raw = Jieba.withDict(dict);
  raw.loadDict(
    Buffer.from(
      dictionaryTerms()
        .map((w) => `${w} 30000 n`)
        .join('\n'),
    ),
  );
  const runners: Array<[string, (t: string) => unknown]> = [
    ['engine tokenizer (createTokenizer)', (t) => tokenizer.tokenize(t)],
    ['jieba + dictionary, no synonyms', (t) => bare.tokenize(t)],
    ['bare jieba.cut (native, no filtering)', (t) => raw.cut(t, false)],
    ["Intl.Segmenter('zh')", (t) => Array.from(intl.segment(t), (s) => s.segment)],
  ];
  const speed = new Map<string, number>();
  for (const [name, run] of runners) {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      for (const t of texts) run(t);
      times.push(performance.now() - t0);
    }
    speed.set(name, bytes / 1e6 / (median(times) / 1000));
  }

  const terms = dictionaryTerms();
  const rnd = seededRandom(11);
  const frames = [
    '我公司长期求购{}，欢迎联系。',
    '供应优质{}及配套服务',
    '寻找{}合作伙伴，用于产线升级',
    '{}年产能力充足',
  ];
  let keptEngine = 0;
  let keptIntl = 0;
  const broken: string[] = [];
  for (const term of terms) {
    const sentence = frames[Math.floor(rnd() * frames.length)].replace('{}', term);
    if (bare.tokenize(sentence).includes(term)) keptEngine++;
    else broken.push(term);
    if (Array.from(intl.segment(sentence), (s) => s.segment).includes(term)) keptIntl++;
  }

  console.log(
    `S1 segmentation (median of ${RUNS} runs, ${texts.length} postings, ${(bytes / 1e6).toFixed(1)} MB UTF-8, 1 core)`,
  );
  const w = 38;
  for (const [name] of runners)
    console.log(`${name.padEnd(w)}${speed.get(name)!.toFixed(1).padStart(7)} MB/s`);
  console.log(
    `${'dictionary terms kept whole (jieba)'.padEnd(w)}${((100 * keptEngine) / terms.length).toFixed(1).padStart(7)} %  of ${terms.length}`,
  );
  console.log(
    `${'dictionary terms kept whole (Intl)'.padEnd(w)}${((100 * keptIntl) / terms.length).toFixed(1).padStart(7)} %`,
  );
  if (broken.length) console.log(`split: ${broken.slice(0, 15).join(' ')}${broken.length > 15 ? ' …' : ''}`);
  console.log('--- ratios');
  const engine = speed.get(runners[0][0])!;
  console.log(`engine tokenizer / Intl.Segmenter: ${(engine / speed.get(runners[3][0])!).toFixed(2)}×`);
  console.log(`engine tokenizer / bare jieba.cut: ${(engine / speed.get(runners[2][0])!).toFixed(2)}×`);
  console.log(
    `S1 bar (≥ 15 MB/s, ≥ 95 % whole): ${engine >= 15 && keptEngine / terms.length >= 0.95 ? 'met' : 'NOT met'}`,
  );
}

main();
