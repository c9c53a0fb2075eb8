import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const EVENT_TYPES = [
  'matchmaking',
  'exhibition',
  'delegation',
  'study_tour',
  'forum',
  'online',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  matchmaking: '需求对接会',
  exhibition: '展会',
  delegation: '展团',
  study_tour: '考察',
  forum: '论坛/培训',
  online: '线上对接',
};

export const EVENT_STATUSES = ['planned', 'open', 'held', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  planned: '筹备中',
  open: '报名中',
  held: '已举办',
  closed: '已结项',
  cancelled: '已取消',
};

@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 12 }) type!: EventType;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) venue!: string | null;
  @Column({ type: 'int', nullable: true }) visits!: number | null;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'varchar', length: 10, default: 'planned' }) status!: EventStatus;
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true }) heldAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
