import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STARTUP_LOCK_KEY } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { UserEntity } from '../accounts/user.entity';
import { loadCatalogueIfEmpty } from './catalogue-loader';
import { DemoLoadReport, loadDemoData } from './demo-loader';
import { ensureFirstAdmin, FirstAdminResult } from './first-admin';

export interface SeedReport {
  admin: FirstAdminResult | null;
  catalogue: { clusters: number; chains: number } | null;
  demo: DemoLoadReport | null;
}

/**
 * First-start data on an empty database: the first admin, the cluster catalogue, and (unless DEMO_DATA=false)
 * the demo data set. Runs in one transaction under the start-up advisory lock, so concurrent starts seed once.
 */
@Injectable()
export class SeedService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  seed(config: Pick<AppConfig, 'adminUsername' | 'adminPassword' | 'demoData'>): Promise<SeedReport> {
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [STARTUP_LOCK_KEY]);
      const emptyDatabase = (await m.count(UserEntity)) === 0;
      const admin = await ensureFirstAdmin(m, config.adminUsername, config.adminPassword);
      const catalogue = await loadCatalogueIfEmpty(m);
      const demo = emptyDatabase && config.demoData ? await loadDemoData(m) : null;
      return { admin, catalogue, demo };
    });
  }
}
