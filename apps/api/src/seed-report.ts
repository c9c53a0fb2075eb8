import type { SeedReport } from '@app/core';

/** Tells the operator once what the first start created; a generated admin password is shown only here. */
export function printSeedReport(report: SeedReport, say: (line: string) => void): void {
  if (report.admin?.generatedPassword) {
    say(
      `first admin created: username "${report.admin.username}", password "${report.admin.generatedPassword}" (shown once; set ADMIN_PASSWORD to choose it)`,
    );
  } else if (report.admin) {
    say(`first admin created: username "${report.admin.username}" with ADMIN_PASSWORD`);
  }
  if (report.catalogue)
    say(`cluster catalogue loaded: ${report.catalogue.clusters} clusters, ${report.catalogue.chains} chains`);
  if (report.demo) {
    say(
      `demo data loaded in ${(report.demo.elapsedMs / 1000).toFixed(1)} s: ${report.demo.associations} associations, ${report.demo.enterprises} enterprises, ${report.demo.memberships} memberships; demo logins ${report.demo.logins.join(', ')} (see README)`,
    );
    const a = report.demo.activity;
    say(
      `demo activity: ${a.postings} postings (matched by the worker in the background), ${a.events} events, ${a.participants} participants, ${a.meetings} meetings, ${a.intents} intents`,
    );
  }
}
