import { NestFactory } from '@nestjs/core';
import type { PreparedRuntime } from '@app/platform';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './worker-app.module';

/** Runs the queue processors until SIGTERM, then lets running jobs finish and closes cleanly. */
export async function runWorker(runtime: PreparedRuntime, say: (line: string) => void): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(runtime.config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  say('worker ready: consuming queues');
  const stop = async () => {
    await app.close();
    await runtime.release();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
