import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Caller } from '../common/caller';
import type { ExportList } from './export-lists';

export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed';

@Entity('exports')
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 20 }) list!: ExportList;
  @Column({ type: 'jsonb', default: () => "'{}'" }) query!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 10, default: 'queued' }) status!: ExportStatus;
  @Column({ type: 'int', default: 0 }) progress!: number;
  @Column({ type: 'int', default: 0 }) rows!: number;
  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true }) fileName!: string | null;
  @Column({ name: 'file_size', type: 'int', nullable: true }) fileSize!: number | null;
  @Column({ type: 'bytea', nullable: true, select: false }) content!: Buffer | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy!: string;
  /** The requester's role and binding at the time of the request: the worker lists what they may see. */
  @Column({ type: 'jsonb' }) caller!: Caller;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
