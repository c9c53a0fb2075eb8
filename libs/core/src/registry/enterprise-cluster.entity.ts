import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClusterEntity } from './cluster.entity';
import { EnterpriseEntity } from './enterprise.entity';

@Entity('enterprise_clusters')
export class EnterpriseClusterEntity {
  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid', primaryKeyConstraintName: 'pk_enterprise_clusters' })
  enterpriseId!: string;
  @PrimaryColumn({ name: 'cluster_id', type: 'uuid', primaryKeyConstraintName: 'pk_enterprise_clusters' })
  clusterId!: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'fk_enterprise_clusters_enterprise' })
  enterprise?: EnterpriseEntity;
  @ManyToOne(() => ClusterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_enterprise_clusters_cluster' })
  cluster?: ClusterEntity;
}
