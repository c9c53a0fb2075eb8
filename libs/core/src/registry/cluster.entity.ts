import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CLUSTER_TIERS, type ClusterTier } from './catalogue/cluster-catalogue';

export { CLUSTER_TIERS, type ClusterTier };
export const CLUSTER_TIER_LABELS: Record<ClusterTier, string> = {
  world: '世界级',
  national: '国家级',
  regional: '区域级',
};

@Entity('clusters')
export class ClusterEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) tier!: ClusterTier;
  @Column({ type: 'varchar', length: 50, nullable: true }) base!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
