import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `industrial-dict.txt` and `synonyms.tsv` live: beside the sources, or found from the working directory. */
export function defaultDataDir(): string {
  const candidates = [
    resolve(__dirname, '..', 'data'),
    // compiled to dist/libs/match-engine/src: data files stay in the source tree
    resolve(__dirname, '..', '..', '..', '..', 'libs', 'match-engine', 'data'),
    resolve(process.cwd(), 'libs', 'match-engine', 'data'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'industrial-dict.txt')));
  if (!found) throw new Error(`match-engine data directory not found; looked in ${candidates.join(', ')}`);
  return found;
}

function dataLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

export interface DictionaryEntry {
  word: string;
  freq: number;
  tag: string;
}

/** jieba user-dictionary format `word [freq] [tag]`; freq defaults to 30000, tag to `n`. */
export function readDictionaryFile(path: string): DictionaryEntry[] {
  return dataLines(path).map((line, i) => {
    const [word, freq, tag] = line.split(/\s+/);
    const n = freq === undefined ? 30000 : Number(freq);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${path}:${i + 1}: bad frequency in "${line}"`);
    return { word, freq: n, tag: tag ?? 'n' };
  });
}

/** One synonym group a line, canonical form first, separated by tabs or spaces. */
export function readSynonymFile(path: string): string[][] {
  return dataLines(path)
    .map((line) => line.split(/\s+/))
    .filter((group) => group.length >= 2);
}

export function toJiebaBuffer(entries: readonly DictionaryEntry[]): Buffer {
  return Buffer.from(entries.map((e) => `${e.word} ${e.freq} ${e.tag}`).join('\n') + '\n', 'utf8');
}

export function dataFile(dir: string, name: string): string {
  return join(dir, name);
}
