import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_KINDS = ['enterprises', 'members', 'events', 'intents'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  enterprises: '企业名录',
  members: '协会会员',
  events: '活动及参会企业',
  intents: '合作意向',
};
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** One rejected cell or row: `row` is the 1-based sheet row, `column` the header text as in the file. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

@Entity('imports')
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: ImportKind;
  @Column({ type: 'varchar', length: 10, default: 'queued' }) status!: ImportStatus;
  @Column({ type: 'int', default: 0 }) progress!: number;
  @Column({ type: 'int', default: 0 }) total!: number;
  @Column({ type: 'int', default: 0 }) imported!: number;
  @Column({ type: 'int', default: 0 }) updated!: number;
  @Column({ type: 'int', default: 0 }) unchanged!: number;
  @Column({ type: 'int', default: 0 }) rejected!: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) errors!: ImportRowError[];
  @Column({ name: 'errors_truncated', type: 'boolean', default: false }) errorsTruncated!: boolean;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName!: string;
  @Column({ name: 'file_size', type: 'int' }) fileSize!: number;
  @Column({ type: 'bytea', nullable: true, select: false }) content!: Buffer | null;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ name: 'association_id', type: 'uuid', nullable: true }) associationId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
