import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SeedService } from '@app/core';
import { prepareRuntime } from '@app/platform';
import { Logger } from 'nestjs-pino';
import { runWorker } from '../../worker/src/run-worker';
import { WorkerModule } from '../../worker/src/worker.module';
import { ApiModule } from './app.module';
import { configureHttpApp } from './http/configure-http-app';
import { printSeedReport } from './seed-report';

/**
 * One entry for `npm start`: ROLE=all (default) serves API, console and worker in one process;
 * ROLE=api serves HTTP only; ROLE=worker hands over to the worker entry.
 */
async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`[clusterlink] ${line}\n`);
  const runtime = await prepareRuntime(say);
  const { config } = runtime;
  if (config.role === 'worker') {
    return runWorker(runtime, say);
  }
  const extra = config.role === 'all' ? [WorkerModule.forRoot()] : [];
  const app = await NestFactory.create(ApiModule.forRoot(config, extra), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, config);
  printSeedReport(await app.get(SeedService).seed(config), say);
  await app.listen(config.port);
  say(`ready on http://localhost:${config.port} (role ${config.role}); API docs at /api/docs`);
  const stop = async () => {
    await app.close();
    await runtime.release();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
