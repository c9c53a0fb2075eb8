import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MatchingModule } from '../matching/matching.module';
import { RegistryModule } from '../registry/registry.module';
import { ServedModule } from '../served/served.module';
import { EventParticipantEntity } from './event-participant.entity';
import { EventRunHandler } from './event-run.handler';
import { EventEntity } from './event.entity';
import { EventsService } from './events.service';
import { MeetingEntity } from './meeting.entity';
import { MeetingsService } from './meetings.service';
import { ParticipantsService } from './participants.service';

/** Events, their participants and 1:1 meetings; event-scope match and schedule runs execute here. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EventEntity, EventParticipantEntity, MeetingEntity]),
    AuditModule,
    RegistryModule,
    MatchingModule,
    ServedModule,
  ],
  providers: [EventsService, ParticipantsService, MeetingsService, EventRunHandler],
  exports: [EventsService, ParticipantsService, MeetingsService, EventRunHandler],
})
export class EventsModule {}
