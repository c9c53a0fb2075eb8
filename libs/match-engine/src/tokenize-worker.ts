import { parentPort } from 'node:worker_threads';
import { TOKEN_SEPARATOR } from './prepared-document';
import { createTokenizer, type TokenizerOptions } from './tokenizer';

// Worker-thread entry of prepareDocumentsInParallel: tokenises the texts it is sent with the tokenizer of the
// options sent along, tokens joined per text.
const port = parentPort;
if (port) {
  port.on('message', ({ texts, options }: { texts: string[]; options: TokenizerOptions }) => {
    try {
      const tokenizer = createTokenizer(options);
      port.postMessage({ ok: true, tokens: texts.map((t) => tokenizer.tokenize(t).join(TOKEN_SEPARATOR)) });
    } catch (e: unknown) {
      port.postMessage({ ok: false, error: e instanceof Error ? e.stack : String(e) });
    }
  });
}
