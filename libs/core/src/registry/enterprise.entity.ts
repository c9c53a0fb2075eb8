import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const ENTERPRISE_SCALES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];
export const ENTERPRISE_SCALE_LABELS: Record<EnterpriseScale, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};
export const ENTERPRISE_TIERS = ['leading', 'backbone', 'key'] as const;
export type EnterpriseTier = (typeof ENTERPRISE_TIERS)[number];
export const ENTERPRISE_TIER_LABELS: Record<EnterpriseTier, string> = {
  leading: '龙头',
  backbone: '骨干',
  key: '重点',
};

@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode!: string;
  @Column({ name: 'industry_code', type: 'varchar', length: 5, nullable: true }) industryCode!: string | null;
  @Column({ type: 'varchar', length: 8 }) scale!: EnterpriseScale;
  @Column({ type: 'varchar', length: 10, nullable: true }) tier!: EnterpriseTier | null;
  @Column({ name: 'contact_name', type: 'varchar', length: 50, nullable: true }) contactName!: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true }) contactPhone!:
    string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
