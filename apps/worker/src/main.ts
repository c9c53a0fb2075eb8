import 'reflect-metadata';
import { prepareRuntime } from '@app/platform';
import { runWorker } from './run-worker';

/** `npm run start:worker`: a worker process only (scale these out; they share the queues through Redis). */
async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`[clusterlink-worker] ${line}\n`);
  await runWorker(await prepareRuntime(say), say);
}

void main();
