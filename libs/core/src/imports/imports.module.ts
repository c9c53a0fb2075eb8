import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ImportEntity } from './import.entity';
import { ImportRunner } from './import-runner';
import { ImportsService } from './imports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ImportEntity]), AuditModule],
  providers: [ImportsService, ImportRunner],
  exports: [ImportsService, ImportRunner],
})
export class ImportsModule {}
