import { ref, shallowRef } from 'vue';
import { describeError } from '@/api/errors';

/** One request's data, loading flag and plain-language error. */
export function useLoader<T>(fetcher: () => Promise<T>) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  // only the newest request's answer lands: an older one that comes back later is dropped
  let seq = 0;

  async function load(): Promise<T | null> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetcher();
      if (mine === seq) data.value = result;
    } catch (e) {
      if (mine !== seq) return data.value;
      data.value = null;
      error.value = describeError(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
    return data.value;
  }

  return { data, loading, error, load };
}
