import autocannon from 'autocannon';

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
}

/**
 * `connections` clients for `seconds` against the given requests (each client cycles through them), on this
 * process's event loop. Latencies are kept per response, so the p95 is exact (autocannon's own summary has none).
 */
export async function load(
  url: string,
  requests: { path: string; headers?: Record<string, string> }[],
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: requests.map((r) => ({ method: 'GET' as const, path: r.path, headers: r.headers })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  return {
    requests: times.length,
    perSecond: times.length / seconds,
    p50: at(50),
    p95: at(95),
    errors: result.errors + result.timeouts,
    statuses,
  };
}
