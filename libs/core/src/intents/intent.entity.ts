import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { numericTransformer } from '../common/numeric-column';

export const INTENT_STAGES = ['intent', 'signed', 'landed', 'dropped'] as const;
export type IntentStage = (typeof INTENT_STAGES)[number];
export const INTENT_STAGE_LABELS: Record<IntentStage, string> = {
  intent: '意向',
  signed: '签约',
  landed: '落地',
  dropped: '终止',
};

@Entity('intents')
export class IntentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ name: 'counterpart_enterprise_id', type: 'uuid', nullable: true }) counterpartEnterpriseId!:
    string | null;
  @Column({ name: 'counterpart_name', type: 'varchar', length: 200, nullable: true }) counterpartName!:
    string | null;
  @Column({ name: 'counterpart_region_code', type: 'char', length: 6, nullable: true })
  counterpartRegionCode!: string | null;
  @Column({ name: 'event_id', type: 'uuid', nullable: true }) eventId!: string | null;
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true }) meetingId!: string | null;
  @Column({ name: 'recommendation_id', type: 'uuid', nullable: true }) recommendationId!: string | null;
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true }) clusterId!: string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({
    name: 'amount_wan',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  amountWan!: number | null;
  @Column({ type: 'char', length: 3, default: 'CNY' }) currency!: string;
  @Column({ type: 'varchar', length: 8, default: 'intent' }) stage!: IntentStage;
  @Column({ name: 'reached_on', type: 'date' }) reachedOn!: string;
  @Column({ name: 'signed_on', type: 'date', nullable: true }) signedOn!: string | null;
  @Column({ name: 'landed_on', type: 'date', nullable: true }) landedOn!: string | null;
  @Column({ name: 'dropped_on', type: 'date', nullable: true }) droppedOn!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
