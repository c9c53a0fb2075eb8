import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface VisitedTab {
  path: string;
  name: string;
  title: string;
}

/** The RuoYi-style tab strip: pages visited in this session. */
export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<VisitedTab[]>([]);

  function visit(tab: VisitedTab): void {
    const found = tabs.value.find((t) => t.path === tab.path);
    if (found) found.title = tab.title;
    else tabs.value.push(tab);
  }

  /** Removes a tab and returns the path to show next when it was the active one. */
  function close(path: string): string | null {
    const index = tabs.value.findIndex((t) => t.path === path);
    if (index < 0) return null;
    tabs.value.splice(index, 1);
    const next = tabs.value[index] ?? tabs.value[index - 1];
    return next?.path ?? null;
  }

  function keepOnly(path: string): void {
    tabs.value = tabs.value.filter((t) => t.path === path);
  }

  function clear(): void {
    tabs.value = [];
  }

  return { tabs, visit, close, keepOnly, clear };
});
