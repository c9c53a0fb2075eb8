import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ClusterEntity } from './cluster.entity';

export interface ChainSegments {
  upstream: string[];
  midstream: string[];
  downstream: string[];
}

@Entity('chains')
export class ChainEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'cluster_id', type: 'uuid' }) clusterId!: string;
  @ManyToOne(() => ClusterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_chains_cluster' })
  cluster?: ClusterEntity;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'jsonb' }) segments!: ChainSegments;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
