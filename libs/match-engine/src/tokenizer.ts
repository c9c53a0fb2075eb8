import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDefaultDict } from '@node-rs/jieba/dict';
import { CompoundExpander } from './compound-expander';
import { withoutContactDetails } from './contact-details';
import {
  dataFile,
  defaultDataDir,
  readDictionaryFile,
  readSynonymFile,
  toJiebaBuffer,
  type DictionaryEntry,
} from './dictionary-loader';
import { FUNCTION_CHARS, QUANTITY_UNITS, SPEC_UNITS, STOP_WORDS } from './stop-words';
import { normaliseKey, SynonymTable } from './synonym-table';

export interface TokenizerOptions {
  /** Folder holding `industrial-dict.txt` and `synonyms.tsv` (default: the engine's own `data/`). */
  dataDir?: string;
  /** More jieba user dictionaries (`word [freq] [tag]` a line), loaded after the shipped one. */
  extraDictionaryPaths?: readonly string[];
  /** More synonym files (one group a line, canonical first), read after the shipped one. */
  extraSynonymPaths?: readonly string[];
  /** Map aliases to their canonical form (default true; false gives the plain baseline). */
  synonyms?: boolean;
  /** Emit the known terms inside a compound and join split compounds (default true). */
  expandCompounds?: boolean;
  /** jieba's HMM for unknown words (default false: stable, identical splits on both sides). */
  hmm?: boolean;
}

export interface Tokenizer {
  /** Canonical content tokens in text order (repeats kept: they are term frequencies). */
  tokenize(text: string): string[];
}

interface Lexicon {
  jieba: Jieba;
  synonyms: SynonymTable;
  expander: CompoundExpander;
}

const lexicons = new Map<string, Lexicon>();
let defaultTokenizer: Tokenizer | undefined;

function loadLexicon(
  dataDir: string,
  dictPaths: readonly string[],
  synonymPaths: readonly string[],
): Lexicon {
  const key = JSON.stringify([dataDir, dictPaths, synonymPaths]);
  const cached = lexicons.get(key);
  if (cached) return cached;
  const entries: DictionaryEntry[] = [];
  for (const p of [dataFile(dataDir, 'industrial-dict.txt'), ...dictPaths])
    entries.push(...readDictionaryFile(p));
  const groups: string[][] = [];
  for (const p of [dataFile(dataDir, 'synonyms.tsv'), ...synonymPaths]) groups.push(...readSynonymFile(p));
  // every Chinese synonym is a dictionary word too, so that an alias such as 伺服马达 is cut whole; Latin ones
  // are not (jieba keeps a Latin run whole, and SBR in the dictionary would split SBR1502)
  const known = new Set(entries.map((e) => e.word));
  for (const g of groups) {
    for (const w of g) {
      if (!known.has(w) && HAN.test(w)) entries.push({ word: w, freq: 30000, tag: 'n' });
      known.add(w);
    }
  }
  const jieba = Jieba.withDict(jiebaDefaultDict);
  jieba.loadDict(toJiebaBuffer(entries));
  const synonyms = SynonymTable.fromGroups(groups);
  const lexicon: Lexicon = { jieba, synonyms, expander: new CompoundExpander(known, synonyms) };
  lexicons.set(key, lexicon);
  return lexicon;
}

const HAN = /[\u3400-\u9fff]/;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** A token with a Latin letter or a digit in it (jieba keeps such runs whole). */
function isAsciiWord(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (t.charCodeAt(i) >= 0x30 && t.charCodeAt(i) <= 0x39)) return true;
  }
  return false;
}
const NUMBER = /^\d+(?:\.\d+)?$/;
const YEAR = /^(?:19|20)\d\d$/;
/** 两台, 三套, 十余家: a count in words. */
const COUNT_WORD = /^[一二两三四五六七八九十百千万几数多余]+[台套件个批次条张只辆家项种吨米年月天]$/;
const MODEL = /^([A-Z]{2,})-?\d/;
/** 张先生, 李女士, 王经理: a contact addressed by surname. */
const ADDRESSED = /^(?:[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐)|[\u4e00-\u9fff](?:经理|总监|主任))$/;
/**
 * 沈阳市, 辽宁省, 本溪满族自治县: where a posting is. Its region is a field the score weighs already (same city,
 * same province); as a keyword it counted twice and filled reasons with place names.
 */
const PLACE = /^[\u4e00-\u9fff]{2,}(?:省|市|县|自治州)$/;

function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** A bare number is kept only when it looks like a grade or a model (304, 1502), not a count, a year or a phone. */
function keepBareNumber(t: string): boolean {
  // a leading zero or seven digits and more: an area code, a phone or QQ number, not a grade
  return t.length >= 3 && t.length <= 6 && t[0] !== '0' && t.indexOf('.') < 0 && !YEAR.test(t);
}

/**
 * A Chinese tokenizer for industrial postings: jieba with the industrial dictionary, stop words and
 * punctuation dropped, numbers glued to their units, every token mapped to its canonical synonym.
 * Loading jieba and the tables happens once per distinct set of files (about 0.3 s).
 */
export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const isDefault =
    options.dataDir === undefined &&
    !options.extraDictionaryPaths?.length &&
    !options.extraSynonymPaths?.length &&
    options.synonyms !== false &&
    options.expandCompounds !== false &&
    options.hmm !== true;
  if (isDefault && defaultTokenizer) return defaultTokenizer;
  const lexicon = loadLexicon(
    options.dataDir ?? defaultDataDir(),
    options.extraDictionaryPaths ?? [],
    options.extraSynonymPaths ?? [],
  );
  const tokenizer = buildTokenizer(
    lexicon,
    options.synonyms !== false,
    options.expandCompounds !== false,
    !!options.hmm,
  );
  if (isDefault) defaultTokenizer = tokenizer;
  return tokenizer;
}

/** A text as jieba is given it: contact details out (they are no terms), full-width forms folded. */
function segmentable(input: string): string {
  return withoutContactDetails(FULL_WIDTH.test(input) ? input.normalize('NFKC') : input);
}

/**
 * jieba's cut of a text with the tokenizer's dictionaries, before anything is dropped or mapped: what shows the
 * words the dictionary lacks (see `fragmentedRuns`).
 */
export function createSegmenter(options: TokenizerOptions = {}): (text: string) => string[] {
  const { jieba } = loadLexicon(
    options.dataDir ?? defaultDataDir(),
    options.extraDictionaryPaths ?? [],
    options.extraSynonymPaths ?? [],
  );
  const hmm = !!options.hmm;
  return (input) => (input ? jieba.cut(segmentable(input), hmm) : []);
}

/** What a raw Han token becomes: dropped (null) or its canonical form with the known terms inside it. */
interface HanToken {
  canonical: string;
  parts: readonly string[] | undefined;
  /** Compounds this token starts, by the canonical token that completes them (compound expansion on). */
  joins: ReadonlyMap<string, string> | undefined;
}

const MEMO_LIMIT = 200_000;

function buildTokenizer(lexicon: Lexicon, useSynonyms: boolean, expand: boolean, hmm: boolean): Tokenizer {
  const { jieba, synonyms, expander } = lexicon;
  const canonical = useSynonyms ? (k: string) => synonyms.canonical(k) : (k: string) => k;
  // postings repeat their words: remember what each distinct Han token becomes
  const memo = new Map<string, HanToken | null>();
  const han = (t: string): HanToken | null => {
    let info = memo.get(t);
    if (info !== undefined) return info;
    if (
      STOP_WORDS.has(t) ||
      (t.length === 1 && FUNCTION_CHARS.has(t)) ||
      COUNT_WORD.test(t) ||
      ADDRESSED.test(t) ||
      PLACE.test(t)
    )
      info = null;
    else {
      const c = canonical(t);
      info = {
        canonical: c,
        parts: expand ? expander.partsOf(c) : undefined,
        joins: expand ? expander.joinsAfter(c) : undefined,
      };
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(t, info);
    return info;
  };
  return {
    tokenize(input: string): string[] {
      if (!input) return [];
      const raw = jieba.cut(segmentable(input), hmm);
      const out: string[] = [];
      // the previous content token and the compounds it starts (null: a separator came in between)
      let prev: string | null = null;
      let prevJoins: ReadonlyMap<string, string> | undefined;
      for (let i = 0; i < raw.length; i++) {
        let t = raw[i];
        const code = t.charCodeAt(0);
        let c: string;
        let parts: readonly string[] | undefined;
        let joins: ReadonlyMap<string, string> | undefined;
        if (code >= 128) {
          const info = isHan(code) ? han(t) : null;
          if (info === null) {
            prev = null;
            continue;
          }
          c = info.canonical;
          parts = info.parts;
          joins = info.joins;
        } else {
          if (!isAsciiWord(t)) {
            // a space keeps neighbours adjacent (CNC 机床), punctuation separates them
            if (t.trim() !== '') prev = null;
            continue;
          }
          t = normaliseKey(t);
          if (NUMBER.test(t)) {
            const next = i + 1 < raw.length ? normaliseKey(raw[i + 1]) : '';
            if (SPEC_UNITS.has(next)) {
              t += next;
              i++;
            } else if (QUANTITY_UNITS.has(next)) {
              i++;
              prev = null;
              continue;
            } else if (!keepBareNumber(t)) {
              prev = null;
              continue;
            }
          } else if (t.length === 1) {
            prev = null;
            continue;
          }
          c = canonical(t);
          if (expand) {
            parts = expander.partsOf(c);
            joins = expander.joinsAfter(c);
            const m = MODEL.exec(c);
            if (m && synonyms.has(m[1])) {
              const family = synonyms.canonical(m[1]);
              if (family !== c) out.push(family);
            }
          }
        }
        out.push(c);
        if (parts !== undefined) for (let k = 0; k < parts.length; k++) out.push(parts[k]);
        if (prev !== null && prevJoins !== undefined) {
          const joined = prevJoins.get(c);
          if (joined !== undefined) out.push(joined);
        }
        prev = c;
        prevJoins = joins;
      }
      return out;
    },
  };
}
