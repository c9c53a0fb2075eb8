import Redis from 'ioredis';

/** One PING with a short timeout and no retries: a missing Redis stops start-up with one clear line. */
export async function assertRedisReachable(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Redis at ${redisUrl} does not answer (${reason}). Start one, e.g. ` +
        `"redis-server --daemonize yes --bind 127.0.0.1 --port 6379", or set REDIS_URL.`,
      { cause: error },
    );
  } finally {
    client.disconnect();
  }
}
