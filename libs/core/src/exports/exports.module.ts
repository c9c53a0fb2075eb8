import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { IntentsModule } from '../intents/intents.module';
import { PostingsModule } from '../postings/postings.module';
import { RegistryModule } from '../registry/registry.module';
import { ExportEntity } from './export.entity';
import { ExportLists } from './export-lists';
import { ExportRunner } from './export-runner';
import { ExportsService } from './exports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ExportEntity]),
    AuditModule,
    RegistryModule,
    PostingsModule,
    EventsModule,
    IntentsModule,
  ],
  providers: [ExportLists, ExportsService, ExportRunner],
  exports: [ExportsService, ExportRunner],
})
export class ExportsModule {}
