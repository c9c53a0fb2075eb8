import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MATCH_RUN_SCOPES = ['all', 'cluster', 'event', 'posting'] as const;
export type MatchRunScope = (typeof MATCH_RUN_SCOPES)[number];
export type MatchRunStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface MatchRunCounts {
  queries?: number;
  counterparts?: number;
  recommendations?: number;
  removed?: number;
}

@Entity('match_runs')
export class MatchRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 10 }) scope!: MatchRunScope;
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true }) clusterId!: string | null;
  @Column({ name: 'event_id', type: 'uuid', nullable: true }) eventId!: string | null;
  @Column({ name: 'posting_id', type: 'uuid', nullable: true }) postingId!: string | null;
  @Column({ type: 'varchar', length: 10, default: 'queued' }) status!: MatchRunStatus;
  @Column({ type: 'int', default: 0 }) progress!: number;
  @Column({ type: 'jsonb', default: () => "'{}'" }) counts!: MatchRunCounts;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
