/**
 * Every queue and job of ClusterLink, with its payload type, in one map that producers and processors share.
 * Payloads carry ids only: processors reload state, so a retried job sees the truth of now.
 */
export const QueueName = {
  Matching: 'matching',
  MatchRuns: 'match-runs',
  Imports: 'imports',
  Exports: 'exports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** Match one posting against all counterparts and upsert its recommendations. */
  MatchPosting: 'match-posting',
  /** Execute a match run row (scope all / cluster / event / posting). */
  MatchRun: 'match-run',
  /** Queued by the nightly schedule: make the run row of its moment (once) and queue it as a MatchRun. */
  ScheduledMatchRun: 'scheduled-match-run',
  /** Import an uploaded Excel file (an `imports` row): validate every row, land the good ones. */
  ImportFile: 'import-file',
  /** Write a big list to .xlsx in the background (an `exports` row). */
  ExportList: 'export-list',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.MatchPosting]: { postingId: string };
  [JobName.MatchRun]: { runId: string };
  // the moment it is for comes with the job (`opts.prevMillis`), set by BullMQ's job scheduler
  [JobName.ScheduledMatchRun]: Record<string, never>;
  [JobName.ImportFile]: { importId: string };
  [JobName.ExportList]: { exportId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.MatchPosting]: QueueName.Matching,
  [JobName.MatchRun]: QueueName.MatchRuns,
  [JobName.ScheduledMatchRun]: QueueName.MatchRuns,
  [JobName.ImportFile]: QueueName.Imports,
  [JobName.ExportList]: QueueName.Exports,
};

/** Retries with exponential backoff; completed jobs are trimmed so Redis does not grow without bound. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000 },
} as const;
