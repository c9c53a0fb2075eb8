import { ref, shallowRef } from 'vue';
import { describeError } from '@/api/errors';

/** One request's data, loading flag and plain-language error. */
export function useLoader<T>(fetcher: () => Promise<T>) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function load(): Promise<T | null> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await fetcher();
    } catch (e) {
      data.value = null;
      error.value = describeError(e);
    } finally {
      loading.value = false;
    }
    return data.value;
  }

  return { data, loading, error, load };
}
