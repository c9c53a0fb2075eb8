import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const MEETING_STATUSES = ['scheduled', 'confirmed', 'held', 'no_show', 'intent', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: '已排期',
  confirmed: '已确认',
  held: '已洽谈',
  no_show: '未到场',
  intent: '达成意向',
  cancelled: '已取消',
};

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'slot_start', type: 'timestamptz' }) slotStart!: Date;
  @Column({ name: 'slot_end', type: 'timestamptz' }) slotEnd!: Date;
  @Column({ name: 'table_no', type: 'int' }) table!: number;
  @Column({ name: 'demand_enterprise_id', type: 'uuid' }) demandEnterpriseId!: string;
  @Column({ name: 'supply_enterprise_id', type: 'uuid' }) supplyEnterpriseId!: string;
  @Column({ name: 'recommendation_id', type: 'uuid', nullable: true }) recommendationId!: string | null;
  @Column({ type: 'double precision', nullable: true }) score!: number | null;
  @Column({ type: 'varchar', length: 10, default: 'scheduled' }) status!: MeetingStatus;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
