import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssociationEntity } from './association.entity';
import { EnterpriseEntity } from './enterprise.entity';

@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'association_id', type: 'uuid' }) associationId!: string;
  @ManyToOne(() => AssociationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'association_id', foreignKeyConstraintName: 'fk_memberships_association' })
  association?: AssociationEntity;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'fk_memberships_enterprise' })
  enterprise?: EnterpriseEntity;
  /** China dates as YYYY-MM-DD strings: a date column has no time zone to get wrong. */
  @Column({ name: 'joined_on', type: 'date', nullable: true }) joinedOn!: string | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
