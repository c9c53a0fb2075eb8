import { parentPort } from 'node:worker_threads';
import { TOKEN_SEPARATOR } from './prepared-document';
import { createTokenizer } from './tokenizer';

// Worker-thread entry of prepareDocumentsInParallel: tokenises the texts it is sent, tokens joined per text.
const port = parentPort;
if (port) {
  const tokenizer = createTokenizer();
  port.on('message', ({ texts }: { texts: string[] }) => {
    try {
      port.postMessage({ ok: true, tokens: texts.map((t) => tokenizer.tokenize(t).join(TOKEN_SEPARATOR)) });
    } catch (e: unknown) {
      port.postMessage({ ok: false, error: e instanceof Error ? e.stack : String(e) });
    }
  });
}
