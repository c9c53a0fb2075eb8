import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MATCH_RUN_SCOPES = ['all', 'cluster', 'event', 'posting'] as const;
export type MatchRunScope = (typeof MATCH_RUN_SCOPES)[number];
export const MATCH_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type MatchRunStatus = (typeof MATCH_RUN_STATUSES)[number];
/** `match` stores recommendations (or an event's candidate pairs); `schedule` then plans an event's meetings. */
export type MatchRunPurpose = 'match' | 'schedule';

export interface MatchRunCounts {
  queries?: number;
  counterparts?: number;
  recommendations?: number;
  removed?: number;
  /** Schedule runs: meetings placed, confirmed ones kept, candidate pairs left without a slot. */
  meetings?: number;
  kept?: number;
  unplaced?: number;
}

@Entity('match_runs')
export class MatchRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 10 }) scope!: MatchRunScope;
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true }) clusterId!: string | null;
  @Column({ name: 'event_id', type: 'uuid', nullable: true }) eventId!: string | null;
  @Column({ name: 'posting_id', type: 'uuid', nullable: true }) postingId!: string | null;
  @Column({ type: 'varchar', length: 10, default: 'match' }) purpose!: MatchRunPurpose;
  @Column({ type: 'jsonb', default: () => "'{}'" }) params!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 10, default: 'queued' }) status!: MatchRunStatus;
  @Column({ type: 'int', default: 0 }) progress!: number;
  @Column({ type: 'jsonb', default: () => "'{}'" }) counts!: MatchRunCounts;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId!: string | null;
  /** A nightly run: the moment its schedule fired for (one run per moment); null when a person asked for it. */
  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true }) scheduledFor!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
