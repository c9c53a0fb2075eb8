import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { documentTexts, prepareDocuments, TOKEN_SEPARATOR, type PreparedDocument } from './prepared-document';
import { createTokenizer, type TokenizerOptions } from './tokenizer';
import type { MatchDocument } from './types';

type Reply = { ok: true; tokens: string[] } | { ok: false; error: string };

/**
 * `prepareDocuments` on `threads` threads (this one included), with the tokenizer of `options` (plain data, so
 * every thread makes the same one; default: the shipped dictionary and synonyms): the first load of a
 * worker's posting cache tokenises every published posting (200k in a 100k × 100k re-match, ~8 s on one core).
 * Each worker thread loads its own jieba (~0.3 s, ~50 MB) and ends with the call, so nothing stays resident.
 * Same result as `prepareDocuments`, in the same order.
 */
export async function prepareDocumentsInParallel(
  docs: readonly MatchDocument[],
  threads: number,
  options: TokenizerOptions = {},
): Promise<PreparedDocument[]> {
  const helpers = Math.max(0, Math.min(threads - 1, Math.floor(docs.length / 1000)));
  if (helpers === 0) return prepareDocuments(docs, createTokenizer(options));
  const share = Math.ceil(docs.length / (helpers + 1));
  const file = join(__dirname, `tokenize-worker${extname(__filename)}`);
  // run from TypeScript sources (tests, benchmarks): the worker compiles itself the same way
  const execArgv = extname(__filename) === '.ts' ? ['--require', '@swc-node/register'] : undefined;
  const workers = Array.from({ length: helpers }, () => new Worker(file, { execArgv }));
  try {
    // the helpers take the first shares; this thread tokenises the last one meanwhile
    const parts = workers.map((w, i) => tokenizeOn(w, docs.slice(i * share, (i + 1) * share), options));
    const own = prepareDocuments(docs.slice(helpers * share), createTokenizer(options));
    return [...(await Promise.all(parts)).flat(), ...own];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function tokenizeOn(
  worker: Worker,
  docs: readonly MatchDocument[],
  options: TokenizerOptions,
): Promise<PreparedDocument[]> {
  const texts = docs.flatMap(documentTexts);
  const tokens = await new Promise<string[]>((resolve, reject) => {
    worker.once('message', (reply: Reply) =>
      reply.ok ? resolve(reply.tokens) : reject(new Error(`tokenize worker failed: ${reply.error}`)),
    );
    worker.once('error', reject);
    worker.postMessage({ texts, options });
  });
  const split = (joined: string): string[] => (joined === '' ? [] : joined.split(TOKEN_SEPARATOR));
  return docs.map((doc, i) => ({
    doc,
    title: split(tokens[3 * i]),
    keywords: split(tokens[3 * i + 1]),
    description: split(tokens[3 * i + 2]),
  }));
}
