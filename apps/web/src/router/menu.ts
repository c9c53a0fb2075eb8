import type { Role } from '@/api/types';
import { routes } from './routes';

export interface MenuLeaf {
  path: string;
  title: string;
  icon: string;
}
export interface MenuGroup {
  title: string;
  icon: string;
  children: MenuLeaf[];
}
export type MenuEntry = MenuLeaf | MenuGroup;

const GROUP_ICONS: Record<string, string> = {
  'menu.registry': 'Files',
  'menu.business': 'Briefcase',
  'menu.system': 'Setting',
};

/** The side menu of a role, built from the route table: top-level leaves and groups in route order. */
export function menuFor(role: Role): MenuEntry[] {
  const layout = routes.find((r) => r.path === '/');
  const entries: MenuEntry[] = [];
  for (const child of layout?.children ?? []) {
    const meta = child.meta;
    if (!meta || meta.menu === undefined || !meta.title) continue;
    if (meta.roles && !meta.roles.includes(role)) continue;
    const leaf: MenuLeaf = { path: `/${child.path}`, title: meta.title, icon: meta.icon ?? 'Menu' };
    if (!meta.menu) {
      entries.push(leaf);
      continue;
    }
    let group = entries.find((e): e is MenuGroup => 'children' in e && e.title === meta.menu);
    if (!group) {
      group = { title: meta.menu, icon: GROUP_ICONS[meta.menu] ?? 'Menu', children: [] };
      entries.push(group);
    }
    group.children.push(leaf);
  }
  return entries;
}

/** Breadcrumb trail (i18n keys) for a path: home, menu group, page. */
export function trailFor(path: string, title: string | undefined): string[] {
  const layout = routes.find((r) => r.path === '/');
  const record = layout?.children?.find((c) => `/${c.path}` === path);
  const group = record?.meta?.menu;
  return [group, title].filter((x): x is string => !!x);
}
