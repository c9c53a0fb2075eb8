import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { numericTransformer } from '../common/numeric-column';
import { EnterpriseEntity } from '../registry/enterprise.entity';

export const POSTING_KINDS = ['demand', 'supply'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];
export const POSTING_KIND_LABELS: Record<PostingKind, string> = { demand: '需求', supply: '供给' };
export const POSTING_CATEGORIES = [
  'product',
  'technology',
  'capacity',
  'equipment',
  'service',
  'market',
] as const;
export type PostingCategory = (typeof POSTING_CATEGORIES)[number];
export const POSTING_CATEGORY_LABELS: Record<PostingCategory, string> = {
  product: '物料/产品',
  technology: '技术攻关/成果',
  capacity: '产能协作/加工配套',
  equipment: '设备更新/改造',
  service: '检测/物流/咨询/工业软件',
  market: '市场渠道/销售代理',
};
export const POSTING_STATUSES = ['draft', 'published', 'closed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

@Entity('postings')
export class PostingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'fk_postings_enterprise' })
  enterprise?: EnterpriseEntity;
  @Column({ type: 'varchar', length: 8 }) kind!: PostingKind;
  @Column({ type: 'varchar', length: 12 }) category!: PostingCategory;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) keywords!: string[];
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true }) clusterId!: string | null;
  @Column({ name: 'region_code', type: 'char', length: 6, nullable: true }) regionCode!: string | null;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil!: string | null;
  @Column({
    name: 'amount_wan',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  amountWan!: number | null;
  @Column({ type: 'varchar', length: 10, default: 'draft' }) status!: PostingStatus;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'matched_version', type: 'int', nullable: true }) matchedVersion!: number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
