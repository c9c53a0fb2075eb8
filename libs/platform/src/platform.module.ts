import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { HealthService } from './health/health.service';
import { JobProducer } from './queue/job-producer.service';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue/queue-names';

/** Config, PostgreSQL, Redis/BullMQ and logging for every ClusterLink process. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url === '/health' },
            redact: ['req.headers.authorization', 'req.body.password'],
          },
        }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: { max: 10 },
          logging: false,
        }),
        BullModule.forRoot({
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: config.queuePrefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, HealthService, JobProducer],
      exports: [APP_CONFIG, HealthService, JobProducer, BullModule],
    };
  }
}
