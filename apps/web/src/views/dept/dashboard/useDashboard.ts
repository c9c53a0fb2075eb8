import { api } from '@/api/client';
import type { Attention, Page, TargetView } from '@/api/types';
import { useLoader } from '@/composables/useLoader';
import { LIAONING_CITIES } from '@/utils/regions';
import { useYearStats } from '../../shared/dashboard/useYearStats';

/** Every figure the department's dashboard shows for a year; each panel loads and fails on its own. */
export function useDashboard(withCities: boolean) {
  const stats = useYearStats();
  const { year, q, items, overview, byMonth, byEventType } = stats;
  const targets = useLoader(() => api.get<TargetView>(`/targets/${year.value}`));
  const byCluster = useLoader(items('/stats/by-cluster'));
  const byAssociation = useLoader(items('/stats/by-association'));
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

  return {
    ...stats,
    targets,
    byCluster,
    byAssociation,
    attention,
    cities,
    loadAll,
    yearly,
  };
}
