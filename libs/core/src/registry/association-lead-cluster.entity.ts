import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssociationEntity } from './association.entity';
import { ClusterEntity } from './cluster.entity';

/** One row per led cluster; the primary key on cluster_id is "a cluster has at most one lead association". */
@Entity('association_lead_clusters')
export class AssociationLeadClusterEntity {
  @PrimaryColumn({
    name: 'cluster_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_association_lead_clusters',
  })
  clusterId!: string;
  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_lead_cluster' })
  cluster?: ClusterEntity;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @ManyToOne(() => AssociationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'association_id', foreignKeyConstraintName: 'fk_lead_association' })
  association?: AssociationEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
