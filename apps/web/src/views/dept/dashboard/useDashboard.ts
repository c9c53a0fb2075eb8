import { computed, ref } from 'vue';
import { api } from '@/api/client';
import type { Attention, Page, StatsFigures, StatsItem, TargetView } from '@/api/types';
import { useLoader } from '@/composables/useLoader';
import { LIAONING_CITIES } from '@/utils/regions';
import { currentYear } from '@/utils/format';

interface Items {
  items: StatsItem[];
}

/** Every figure the dashboard shows for a year; each panel loads and fails on its own. */
export function useDashboard(withCities: boolean) {
  const year = ref(currentYear());
  const q = () => ({ year: year.value });
  const overview = useLoader(() => api.get<StatsFigures>('/stats/overview', q()));
  const targets = useLoader(() => api.get<TargetView>(`/targets/${year.value}`));
  const byMonth = useLoader(() => api.get<Items>('/stats/by-month', q()).then((r) => r.items));
  const byEventType = useLoader(() => api.get<Items>('/stats/by-event-type', q()).then((r) => r.items));
  const byCluster = useLoader(() => api.get<Items>('/stats/by-cluster', q()).then((r) => r.items));
  const byAssociation = useLoader(() => api.get<Items>('/stats/by-association', q()).then((r) => r.items));
  const attention = useLoader(() => api.get<Attention>('/stats/attention', q()));
  const cities = useLoader(async () => {
    const totals = await Promise.all(
      LIAONING_CITIES.map((c) =>
        api
          .get<Page<unknown>>('/enterprises', { regionCode: c.code, pageSize: 1 })
          .then((p) => ({ name: c.name, value: p.total })),
      ),
    );
    return totals.sort((a, b) => b.value - a.value);
  });

  const loaders = [
    overview,
    targets,
    byMonth,
    byEventType,
    byCluster,
    byAssociation,
    attention,
    ...(withCities ? [cities] : []),
  ];
  const loadAll = () => Promise.all(loaders.map((l) => l.load()));
  const yearly = () =>
    Promise.all([overview, targets, byMonth, byEventType, byCluster, byAssociation].map((l) => l.load()));
  const years = computed(() => [0, 1, 2, 3].map((d) => currentYear() - d));

  return {
    year,
    years,
    overview,
    targets,
    byMonth,
    byEventType,
    byCluster,
    byAssociation,
    attention,
    cities,
    loadAll,
    yearly,
  };
}
