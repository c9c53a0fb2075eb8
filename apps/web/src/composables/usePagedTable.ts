import { reactive, ref, shallowRef, type Ref } from 'vue';
import type { Page } from '@/api/types';
import { describeError } from '@/api/errors';

export type Filters = Record<string, string | number | boolean | null | undefined>;

/** What the list components (SearchForm, PagedTable, ListPage) need of a usePagedTable, whatever its row type. */
export interface PagedTable {
  filters: Filters;
  rows: Readonly<Ref<object[]>>;
  total: Readonly<Ref<number>>;
  page: Readonly<Ref<number>>;
  size: Readonly<Ref<number>>;
  loading: Readonly<Ref<boolean>>;
  error: Readonly<Ref<string | null>>;
  load(): Promise<void>;
  search(): Promise<void>;
  reset(): Promise<void>;
  onPage(next: number): Promise<void>;
  onSize(next: number): Promise<void>;
  query(): Filters;
}

/**
 * A search form above a paged table: filters, page and size, loading and error.
 * `fetcher` gets the filters plus page/pageSize and returns the API's {items,total,page,pageSize}.
 */
export function usePagedTable<T, F extends Filters = Filters>(
  fetcher: (query: F & { page: number; pageSize: number }) => Promise<Page<T>>,
  initial: F,
  pageSize = 20,
) {
  const filters = reactive({ ...initial }) as F;
  const rows = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const size = ref(pageSize);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetcher({ ...(filters as F), page: page.value, pageSize: size.value });
      if (mine !== seq) return;
      rows.value = result.items;
      total.value = result.total;
    } catch (e) {
      if (mine !== seq) return;
      rows.value = [];
      total.value = 0;
      error.value = describeError(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filters, initial);
    return search();
  }

  function onPage(next: number): Promise<void> {
    page.value = next;
    return load();
  }

  function onSize(next: number): Promise<void> {
    size.value = next;
    page.value = 1;
    return load();
  }

  /** The current filters without paging, for exports. */
  const query = (): Filters => ({ ...(filters as Filters) });

  return { filters, rows, total, page, size, loading, error, load, search, reset, onPage, onSize, query };
}
