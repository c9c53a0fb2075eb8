import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { api } from '@/api/client';
import { describeError } from '@/api/errors';
import type { Enterprise, Page } from '@/api/types';

/** An enterprise as a picker lists it; a form may seed it with the one it edits (no credit code at hand). */
export type EnterpriseOption = Pick<Enterprise, 'id' | 'name'> & Partial<Pick<Enterprise, 'creditCode'>>;

/** An enterprise picker's remote search: the enterprises the caller may see, the newest answer only. */
export function useEnterpriseSearch() {
  const options = ref<EnterpriseOption[]>([]);
  const searching = ref(false);
  let seq = 0;

  async function search(q: string): Promise<void> {
    const mine = ++seq;
    searching.value = true;
    try {
      const found = (await api.get<Page<Enterprise>>('/enterprises', { q, pageSize: 20 })).items;
      if (mine === seq) options.value = found;
    } catch (e) {
      ElMessage.error(describeError(e));
    } finally {
      if (mine === seq) searching.value = false;
    }
  }

  return { options, searching, search };
}
