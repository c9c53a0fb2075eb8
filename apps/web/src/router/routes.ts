import type { RouteComponent, RouteMeta, RouteRecordRaw } from 'vue-router';
import type { Role } from '@/api/types';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (breadcrumb, tab, document title). */
    title?: string;
    /** Roles that may open the page; absent means any signed-in user. */
    roles?: Role[];
    /** Side-menu group (i18n key) and icon name; pages without `menu` stay out of the menu. */
    menu?: string;
    icon?: string;
    public?: boolean;
  }
}

const DEPT: Role[] = ['dept_admin', 'dept_staff', 'reviewer'];
const DEPT_EDIT: Role[] = ['dept_admin', 'dept_staff'];
const ASSOC: Role[] = ['association_staff'];
const ENT: Role[] = ['enterprise_user'];
/** Every role that works in the desktop console. */
const DESK: Role[] = [...DEPT, ...ASSOC];

/** Every screen (`*View.vue`), loaded lazily so each is its own chunk. */
const VIEWS = import.meta.glob<RouteComponent>('../views/**/*View.vue', { import: 'default' });

/** The side-menu entries by route name: group (i18n key, '' for the top level) and icon. Other pages stay out. */
const MENU: Record<string, Pick<RouteMeta, 'menu' | 'icon'>> = {
  dashboard: { menu: '', icon: 'DataLine' },
  clusters: { menu: 'menu.registry', icon: 'Grid' },
  leads: { menu: 'menu.registry', icon: 'Connection' },
  associations: { menu: 'menu.registry', icon: 'OfficeBuilding' },
  enterprises: { menu: 'menu.registry', icon: 'School' },
  'dept-events': { menu: 'menu.business', icon: 'Calendar' },
  'dept-intents': { menu: 'menu.business', icon: 'Promotion' },
  targets: { menu: 'menu.business', icon: 'Aim' },
  'match-runs': { menu: 'menu.business', icon: 'Cpu' },
  'dept-postings': { menu: 'menu.business', icon: 'Files' },
  'dictionary-gaps': { menu: 'menu.business', icon: 'Collection' },
  users: { menu: 'menu.system', icon: 'User' },
  audit: { menu: 'menu.system', icon: 'Document' },
  'assoc-dashboard': { menu: '', icon: 'DataLine' },
  members: { menu: '', icon: 'School' },
  'assoc-postings': { menu: '', icon: 'Files' },
  'assoc-events': { menu: '', icon: 'Calendar' },
  'assoc-recommendations': { menu: '', icon: 'MagicStick' },
  'assoc-intents': { menu: '', icon: 'Promotion' },
  'assoc-dictionary-gaps': { menu: '', icon: 'Collection' },
  downloads: { menu: '', icon: 'Download' },
};

/**
 * A page inside a layout: `view` names views/<view>View.vue, `title` is the i18n key of its title and `roles` may
 * open it; MENU says whether and where it shows in the side menu.
 */
function page(path: string, name: string, view: string, title: string, roles: Role[]): RouteRecordRaw {
  const component = VIEWS[`../views/${view}View.vue`];
  // Fail at start-up rather than on the first visit when a view is misnamed.
  if (!component) throw new Error(`No view ${view}View.vue for route ${name}`);
  return { path, name, component, meta: { title, roles, ...MENU[name] } };
}

/** Every page of the console; components are lazy so each screen is its own chunk. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/LoginView.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/',
    component: () => import('@/layouts/AdminLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: '/dept/dashboard' },
      page('dept/dashboard', 'dashboard', 'dept/Dashboard', 'menu.dashboard', DEPT),
      page('dept/clusters', 'clusters', 'dept/Clusters', 'menu.clusters', DEPT),
      page('dept/leads', 'leads', 'dept/LeadMapping', 'menu.leads', DEPT),
      page('dept/associations', 'associations', 'dept/Associations', 'menu.associations', DEPT),
      page('dept/enterprises', 'enterprises', 'dept/Enterprises', 'menu.enterprises', DEPT_EDIT),
      page('dept/events', 'dept-events', 'shared/Events', 'menu.events', DEPT_EDIT),
      page('dept/events/:id', 'dept-event', 'shared/EventDetail', 'menu.eventDetail', DEPT_EDIT),
      page('dept/intents', 'dept-intents', 'shared/Intents', 'menu.intents', DEPT_EDIT),
      page('dept/postings', 'dept-postings', 'shared/PostingsDesk', 'menu.postingsDesk', DEPT_EDIT),
      page('dept/targets', 'targets', 'dept/Targets', 'menu.targets', DEPT_EDIT),
      page('dept/match-runs', 'match-runs', 'dept/MatchRuns', 'menu.matchRuns', DEPT_EDIT),
      page(
        'dept/dictionary-gaps',
        'dictionary-gaps',
        'shared/DictionaryGaps',
        'menu.dictionaryGaps',
        DEPT_EDIT,
      ),
      page('dept/users', 'users', 'dept/Users', 'menu.users', ['dept_admin']),
      page('dept/audit', 'audit', 'dept/Audit', 'menu.audit', ['dept_admin']),
      page('assoc/dashboard', 'assoc-dashboard', 'assoc/AssocDashboard', 'menu.assocDashboard', ASSOC),
      page('assoc/members', 'members', 'assoc/Members', 'menu.members', ASSOC),
      page('assoc/postings', 'assoc-postings', 'shared/PostingsDesk', 'menu.postingsDesk', ASSOC),
      page('assoc/events', 'assoc-events', 'shared/Events', 'menu.events', ASSOC),
      page('assoc/events/:id', 'assoc-event', 'shared/EventDetail', 'menu.eventDetail', ASSOC),
      page(
        'assoc/recommendations',
        'assoc-recommendations',
        'assoc/Recommendations',
        'menu.recommendations',
        ASSOC,
      ),
      page('assoc/intents', 'assoc-intents', 'shared/Intents', 'menu.intents', ASSOC),
      page(
        'assoc/dictionary-gaps',
        'assoc-dictionary-gaps',
        'shared/DictionaryGaps',
        'menu.dictionaryGaps',
        ASSOC,
      ),
      page('downloads', 'downloads', 'common/Downloads', 'menu.downloads', DESK),
    ],
  },
  {
    path: '/m',
    component: () => import('@/layouts/MobileLayout.vue'),
    children: [
      { path: '', redirect: '/m/postings' },
      page('postings', 'm-postings', 'ent/Postings', 'menu.postings', ENT),
      page('postings/new', 'm-posting-new', 'ent/PostingEdit', 'menu.postingNew', ENT),
      page('postings/:id/edit', 'm-posting-edit', 'ent/PostingEdit', 'menu.postingEdit', ENT),
      page('postings/:id/matches', 'm-matches', 'ent/Matches', 'menu.matches', ENT),
      page('events', 'm-events', 'ent/MyEvents', 'menu.myEvents', ENT),
      page('intents', 'm-intents', 'ent/MyIntents', 'menu.myIntents', ENT),
      page('downloads', 'm-downloads', 'common/Downloads', 'menu.downloads', ENT),
      page('me', 'm-me', 'ent/Me', 'menu.me', ENT),
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/common/NotFoundView.vue'),
    meta: { public: true, title: 'menu.notFound' },
  },
];

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  dept_admin: '/dept/dashboard',
  dept_staff: '/dept/dashboard',
  reviewer: '/dept/dashboard',
  association_staff: '/assoc/dashboard',
  enterprise_user: '/m/postings',
};

/** The download centre (background exports) of a role: the phone layout for enterprise users. */
export const downloadCentreOf = (role: Role | null): string =>
  role === 'enterprise_user' ? '/m/downloads' : '/downloads';
