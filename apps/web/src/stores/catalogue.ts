import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '@/api/client';
import type { Association, Cluster, Page } from '@/api/types';

/** Clusters and associations for pickers and labels (small lists: ~22 and ~49 rows), loaded once. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const clusters = ref<Cluster[]>([]);
  const associations = ref<Association[]>([]);
  let clustersLoad: Promise<void> | null = null;
  let associationsLoad: Promise<void> | null = null;

  function loadClusters(force = false): Promise<void> {
    if (!clustersLoad || force) {
      clustersLoad = api
        .get<Page<Cluster>>('/clusters', { pageSize: 200 })
        .then((page) => {
          clusters.value = page.items;
        })
        .catch((error: unknown) => {
          clustersLoad = null;
          throw error;
        });
    }
    return clustersLoad;
  }

  function loadAssociations(force = false): Promise<void> {
    if (!associationsLoad || force) {
      associationsLoad = api
        .get<Page<Association>>('/associations', { pageSize: 200 })
        .then((page) => {
          associations.value = page.items;
        })
        .catch((error: unknown) => {
          associationsLoad = null;
          throw error;
        });
    }
    return associationsLoad;
  }

  const clusterName = (id: string | null | undefined): string =>
    clusters.value.find((c) => c.id === id)?.name ?? '';
  const associationName = (id: string | null | undefined): string =>
    associations.value.find((a) => a.id === id)?.name ?? '';

  function reset(): void {
    clusters.value = [];
    associations.value = [];
    clustersLoad = null;
    associationsLoad = null;
  }

  return { clusters, associations, loadClusters, loadAssociations, clusterName, associationName, reset };
});
