import { Logger } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS } from '@app/platform';
import { Job, UnrecoverableError } from 'bullmq';

export interface FailureRecording {
  /** Marks the job's row failed with the error's message. */
  markFailed(message: string): Promise<void>;
  /** Errors that no retry can mend: the row fails at once and BullMQ does not retry. */
  isUnrecoverable?(error: unknown): boolean;
}

/**
 * Runs a job whose work has a row with a status (match run, import, export). A failure is retried by BullMQ; only
 * the last attempt marks the row failed, so a row never shows "failed" while a retry is still to come.
 */
export async function withFailureRecorded<T>(
  job: Job,
  logger: Logger,
  what: string,
  recording: FailureRecording,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (recording.isUnrecoverable?.(error)) {
      await recording.markFailed(message);
      throw new UnrecoverableError(message);
    }
    const attempts = job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts;
    if (job.attemptsMade + 1 >= attempts) await recording.markFailed(message);
    logger.warn(`${what} attempt ${job.attemptsMade + 1}/${attempts} failed: ${message}`);
    throw error;
  }
}
