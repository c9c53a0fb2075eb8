import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

export interface HealthReport {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  redis: 'up' | 'down';
}

const probe = (work: () => Promise<unknown>, ms: number): Promise<'up' | 'down'> =>
  Promise.race([
    work().then(() => 'up' as const),
    new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), ms).unref()),
  ]).catch(() => 'down' as const);

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Its own connection with no retries, so that a dead Redis reads as "down" at once instead of queueing pings.
    this.redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      connectTimeout: 1500,
    });
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const [db, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1'), 2000),
      probe(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
      }, 2000),
    ]);
    return { status: db === 'up' && redis === 'up' ? 'ok' : 'error', db, redis };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
