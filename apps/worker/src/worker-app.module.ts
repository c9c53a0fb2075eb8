import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { WorkerModule } from './worker.module';

/** A worker-only process: platform plus processors, no HTTP. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return { module: WorkerAppModule, imports: [PlatformModule.forRoot(config), WorkerModule.forRoot()] };
  }
}
