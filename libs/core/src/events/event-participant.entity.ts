import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PARTICIPANT_ROLES = ['buyer', 'supplier', 'exhibitor', 'visitor'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  buyer: '采购方',
  supplier: '供应方',
  exhibitor: '参展商',
  visitor: '观众',
};

export interface TimeRange {
  start: string;
  end: string;
}

@Entity('event_participants')
export class EventParticipantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ type: 'varchar', length: 10 }) role!: ParticipantRole;
  @Column({ type: 'jsonb', default: () => "'[]'" }) unavailable!: TimeRange[];
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt!: Date | null;
  @Column({ name: 'registered_by', type: 'uuid', nullable: true }) registeredBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
