import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { StatsService } from './stats.service';
import { TargetEntity } from './target.entity';
import { TargetsService } from './targets.service';

/** The department's statistics and yearly targets. */
@Module({
  imports: [TypeOrmModule.forFeature([TargetEntity]), AuditModule],
  providers: [StatsService, TargetsService],
  exports: [StatsService, TargetsService],
})
export class StatsModule {}
