import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MatchingModule } from '../matching/matching.module';
import { RegistryModule } from '../registry/registry.module';
import { IntentEntity } from './intent.entity';
import { IntentsService } from './intents.service';

@Module({
  imports: [TypeOrmModule.forFeature([IntentEntity]), AuditModule, RegistryModule, MatchingModule],
  providers: [IntentsService],
  exports: [IntentsService],
})
export class IntentsModule {}
