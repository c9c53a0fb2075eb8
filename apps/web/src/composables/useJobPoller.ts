import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type { JobStatus } from '@/api/types';
import { describeError } from '@/api/errors';

interface JobLike {
  status: JobStatus;
  progress: number;
}

/**
 * Polls a queued job (match run, import) until it completes or fails.
 * `job` holds the latest state; `error` a request failure; the promise of `start` resolves with the final state.
 */
export function useJobPoller<J extends JobLike>(
  fetchJob: (id: string) => Promise<J>,
  intervalMs = 800,
  timeoutMs = 300_000,
) {
  const job = shallowRef<J | null>(null);
  const running = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;

  function stop(): void {
    cancelled = true;
    running.value = false;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function start(id: string): Promise<J | null> {
    stop();
    cancelled = false;
    running.value = true;
    error.value = null;
    job.value = null;
    const startedAt = Date.now();
    return new Promise((resolve) => {
      const tick = async () => {
        if (cancelled) return resolve(job.value);
        try {
          const current = await fetchJob(id);
          if (cancelled) return resolve(job.value);
          job.value = current;
          if (current.status === 'completed' || current.status === 'failed') {
            running.value = false;
            return resolve(current);
          }
          if (Date.now() - startedAt > timeoutMs) throw new Error('timeout');
        } catch (e) {
          running.value = false;
          error.value = describeError(e);
          return resolve(null);
        }
        timer = setTimeout(() => void tick(), intervalMs);
      };
      void tick();
    });
  }

  onBeforeUnmount(stop);

  return { job, running, error, start, stop };
}
