import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NightlyMatchRuns } from '@app/core';
import { APP_CONFIG, type AppConfig } from '@app/platform';

/**
 * At worker start, sets the nightly full re-match to NIGHTLY_MATCH_CRON (China time), or removes it when that is
 * `off`. Every worker does so: the schedule is one per queue, so the last one to start decides, and all read the
 * same configuration.
 */
@Injectable()
export class NightlyMatchSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(NightlyMatchSchedule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly nightly: NightlyMatchRuns,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.nightly.keepSchedule(this.config.nightlyMatchCron);
    this.logger.log(
      this.config.nightlyMatchCron
        ? `nightly full re-match at "${this.config.nightlyMatchCron}" (Asia/Shanghai)`
        : 'nightly full re-match off',
    );
  }
}
