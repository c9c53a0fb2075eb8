import { parentPort } from 'node:worker_threads';
import { runBatch, type BatchJob } from './batch-runner';

// Worker-thread entry of MatchWorkerPool: runs its share of a batch job and says so.
const port = parentPort;
if (port) {
  port.on('message', (job: BatchJob) => {
    try {
      runBatch(job);
      port.postMessage({ ok: true });
    } catch (e: unknown) {
      port.postMessage({ ok: false, error: e instanceof Error ? e.stack : String(e) });
    }
  });
  port.postMessage({ ready: true });
}
