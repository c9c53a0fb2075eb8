import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The department's yearly targets (年度目标). */
@Entity('targets')
export class TargetEntity {
  @PrimaryColumn({ type: 'int' }) year!: number;
  @Column({ type: 'int' }) events!: number;
  @Column({ name: 'enterprises_served', type: 'int' }) enterprisesServed!: number;
  @Column({ type: 'int' }) intents!: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
