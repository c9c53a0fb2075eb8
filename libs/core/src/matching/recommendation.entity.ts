import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const RECOMMENDATION_STATUSES = [
  'new',
  'viewed',
  'contacted',
  'meeting',
  'intent',
  'dismissed',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  new: '新推荐',
  viewed: '已查看',
  contacted: '已联系',
  meeting: '已洽谈',
  intent: '已达成意向',
  dismissed: '不相关',
};

/** One scored (demand, supply) pair; unique per pair, its status survives every re-run. */
@Entity('recommendations')
export class RecommendationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'demand_posting_id', type: 'uuid' }) demandPostingId!: string;
  @Column({ name: 'supply_posting_id', type: 'uuid' }) supplyPostingId!: string;
  @Column({ name: 'demand_enterprise_id', type: 'uuid' }) demandEnterpriseId!: string;
  @Column({ name: 'supply_enterprise_id', type: 'uuid' }) supplyEnterpriseId!: string;
  /** Score of the supply on the demand's list; null when the pair is not on that list. */
  @Column({ name: 'demand_score', type: 'double precision', nullable: true }) demandScore!: number | null;
  /** Score of the demand on the supply's list. */
  @Column({ name: 'supply_score', type: 'double precision', nullable: true }) supplyScore!: number | null;
  @Column({ type: 'text', array: true }) reasons!: string[];
  @Column({ name: 'matched_terms', type: 'text', array: true }) matchedTerms!: string[];
  @Column({ type: 'varchar', length: 10, default: 'new' }) status!: RecommendationStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /**
   * The last change people made (status) or the pair's creation. The match writers leave it as it is when they
   * rewrite scores and explanations, so that those rewrites are HOT updates (migration 1764460000000).
   */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
