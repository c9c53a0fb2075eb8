import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  AccountsModule,
  AuditModule,
  EventsModule,
  ExportsModule,
  ImportsModule,
  IntentsModule,
  MatchingModule,
  PostingsModule,
  RegistryModule,
  SeedModule,
  StatsModule,
} from '@app/core';
import { AppConfig, PlatformModule } from '@app/platform';
import { existsSync } from 'node:fs';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './common/auth.guard';
import { ExcelExportInterceptor } from './common/excel-export.interceptor';
import { EventsController } from './events/events.controller';
import { MeetingsController } from './events/meetings.controller';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { IntentsController } from './intents/intents.controller';
import { DictionaryGapsController } from './matching/dictionary-gaps.controller';
import { MatchRunsController, RecommendationsController } from './matching/match-runs.controller';
import { PostingsController } from './postings/postings.controller';
import { AssociationsController } from './registry/associations.controller';
import { ClustersController, ChainsController } from './registry/clusters.controller';
import { EnterprisesController } from './registry/enterprises.controller';
import { StatsController, TargetsController } from './stats/stats.controller';
import { UsersController } from './users/users.controller';

/** The HTTP face: controllers and guards over the core services. */
@Module({})
export class ApiModule {
  static forRoot(
    config: AppConfig & { databaseUrl: string },
    extra: DynamicModule['imports'] = [],
  ): DynamicModule {
    const console = existsSync(config.webDistDir)
      ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}', '/health'] })]
      : [];
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        ThrottlerModule.forRoot([{ name: 'login', ttl: 60_000, limit: 60 }]),
        AccountsModule,
        AuditModule,
        RegistryModule,
        SeedModule,
        PostingsModule,
        MatchingModule,
        EventsModule,
        IntentsModule,
        ImportsModule,
        StatsModule,
        ExportsModule,
        ...console,
        ...extra,
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        AuditController,
        ClustersController,
        ChainsController,
        AssociationsController,
        EnterprisesController,
        PostingsController,
        MatchRunsController,
        DictionaryGapsController,
        RecommendationsController,
        EventsController,
        MeetingsController,
        IntentsController,
        ImportsController,
        StatsController,
        TargetsController,
        ExportsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: ExcelExportInterceptor },
      ],
    };
  }
}
