import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { RegistryModule } from '../registry/registry.module';
import { PostingEntity } from './posting.entity';
import { PostingsService } from './postings.service';

@Module({
  imports: [TypeOrmModule.forFeature([PostingEntity]), AuditModule, RegistryModule],
  providers: [PostingsService],
  exports: [PostingsService],
})
export class PostingsModule {}
