import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SeedService } from '@app/core';
import type { AppConfig } from '@app/platform';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http/configure-http-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig, TEST_ADMIN } from './test-config';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  config: AppConfig & { databaseUrl: string };
  http: () => ReturnType<typeof request>;
  login(username?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run the BullMQ processors in this process too (ROLE=all). */
  worker?: boolean;
  config?: Partial<AppConfig>;
}

/** The real API (and optionally worker) on a fresh database and a private queue prefix, seeded like `npm start`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.config);
  const extra = options.worker ? [WorkerModule.forRoot()] : [];
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config, extra)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttpApp(app, config);
  await app.init();
  await app.get(SeedService).seed(config);
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    config,
    http,
    async login(username = TEST_ADMIN.username, password = TEST_ADMIN.password) {
      const res = await http().post('/api/v1/auth/login').send({ username, password });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
