import { ref } from 'vue';
import { api } from '@/api/client';
import type { StatsFigures, StatsItem } from '@/api/types';
import { useLoader } from '@/composables/useLoader';
import { currentYear } from '@/utils/format';

/** The years a dashboard offers: this one and the three before. */
export const dashboardYears = (): number[] => [0, 1, 2, 3].map((d) => currentYear() - d);

/**
 * A year's overview, month trend and events by type: what both dashboards show (the API scopes them to the
 * caller, so an association sees its own). Each loads and fails on its own.
 */
export function useYearStats() {
  const year = ref(currentYear());
  const q = () => ({ year: year.value });
  const items = (path: string) => () => api.get<{ items: StatsItem[] }>(path, q()).then((r) => r.items);
  const overview = useLoader(() => api.get<StatsFigures>('/stats/overview', q()));
  const byMonth = useLoader(items('/stats/by-month'));
  const byEventType = useLoader(items('/stats/by-event-type'));
  return { year, q, items, overview, byMonth, byEventType };
}

export type YearStats = ReturnType<typeof useYearStats>;
