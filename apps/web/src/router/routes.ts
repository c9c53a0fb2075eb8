import type { RouteRecordRaw } from 'vue-router';
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
      {
        path: 'dept/dashboard',
        name: 'dashboard',
        component: () => import('@/views/dept/DashboardView.vue'),
        meta: { title: 'menu.dashboard', roles: DEPT, menu: '', icon: 'DataLine' },
      },
      {
        path: 'dept/clusters',
        name: 'clusters',
        component: () => import('@/views/dept/ClustersView.vue'),
        meta: { title: 'menu.clusters', roles: DEPT, menu: 'menu.registry', icon: 'Grid' },
      },
      {
        path: 'dept/leads',
        name: 'leads',
        component: () => import('@/views/dept/LeadMappingView.vue'),
        meta: { title: 'menu.leads', roles: DEPT, menu: 'menu.registry', icon: 'Connection' },
      },
      {
        path: 'dept/associations',
        name: 'associations',
        component: () => import('@/views/dept/AssociationsView.vue'),
        meta: { title: 'menu.associations', roles: DEPT, menu: 'menu.registry', icon: 'OfficeBuilding' },
      },
      {
        path: 'dept/enterprises',
        name: 'enterprises',
        component: () => import('@/views/dept/EnterprisesView.vue'),
        meta: { title: 'menu.enterprises', roles: DEPT_EDIT, menu: 'menu.registry', icon: 'School' },
      },
      {
        path: 'dept/events',
        name: 'dept-events',
        component: () => import('@/views/shared/EventsView.vue'),
        meta: { title: 'menu.events', roles: DEPT_EDIT, menu: 'menu.business', icon: 'Calendar' },
      },
      {
        path: 'dept/events/:id',
        name: 'dept-event',
        component: () => import('@/views/shared/EventDetailView.vue'),
        meta: { title: 'menu.eventDetail', roles: DEPT_EDIT },
      },
      {
        path: 'dept/intents',
        name: 'dept-intents',
        component: () => import('@/views/shared/IntentsView.vue'),
        meta: { title: 'menu.intents', roles: DEPT_EDIT, menu: 'menu.business', icon: 'Promotion' },
      },
      {
        path: 'dept/targets',
        name: 'targets',
        component: () => import('@/views/dept/TargetsView.vue'),
        meta: { title: 'menu.targets', roles: DEPT_EDIT, menu: 'menu.business', icon: 'Aim' },
      },
      {
        path: 'dept/users',
        name: 'users',
        component: () => import('@/views/dept/UsersView.vue'),
        meta: { title: 'menu.users', roles: ['dept_admin'], menu: 'menu.system', icon: 'User' },
      },
      {
        path: 'dept/audit',
        name: 'audit',
        component: () => import('@/views/dept/AuditView.vue'),
        meta: { title: 'menu.audit', roles: ['dept_admin'], menu: 'menu.system', icon: 'Document' },
      },
      {
        path: 'assoc/dashboard',
        name: 'assoc-dashboard',
        component: () => import('@/views/assoc/AssocDashboardView.vue'),
        meta: { title: 'menu.assocDashboard', roles: ASSOC, menu: '', icon: 'DataLine' },
      },
      {
        path: 'assoc/members',
        name: 'members',
        component: () => import('@/views/assoc/MembersView.vue'),
        meta: { title: 'menu.members', roles: ASSOC, menu: '', icon: 'School' },
      },
      {
        path: 'assoc/events',
        name: 'assoc-events',
        component: () => import('@/views/shared/EventsView.vue'),
        meta: { title: 'menu.events', roles: ASSOC, menu: '', icon: 'Calendar' },
      },
      {
        path: 'assoc/events/:id',
        name: 'assoc-event',
        component: () => import('@/views/shared/EventDetailView.vue'),
        meta: { title: 'menu.eventDetail', roles: ASSOC },
      },
      {
        path: 'assoc/recommendations',
        name: 'assoc-recommendations',
        component: () => import('@/views/assoc/RecommendationsView.vue'),
        meta: { title: 'menu.recommendations', roles: ASSOC, menu: '', icon: 'MagicStick' },
      },
      {
        path: 'assoc/intents',
        name: 'assoc-intents',
        component: () => import('@/views/shared/IntentsView.vue'),
        meta: { title: 'menu.intents', roles: ASSOC, menu: '', icon: 'Promotion' },
      },
      {
        path: 'downloads',
        name: 'downloads',
        component: () => import('@/views/common/DownloadsView.vue'),
        meta: { title: 'menu.downloads', roles: DESK, menu: '', icon: 'Download' },
      },
    ],
  },
  {
    path: '/m',
    component: () => import('@/layouts/MobileLayout.vue'),
    children: [
      { path: '', redirect: '/m/postings' },
      {
        path: 'postings',
        name: 'm-postings',
        component: () => import('@/views/ent/PostingsView.vue'),
        meta: { title: 'menu.postings', roles: ENT },
      },
      {
        path: 'postings/new',
        name: 'm-posting-new',
        component: () => import('@/views/ent/PostingEditView.vue'),
        meta: { title: 'menu.postingNew', roles: ENT },
      },
      {
        path: 'postings/:id/edit',
        name: 'm-posting-edit',
        component: () => import('@/views/ent/PostingEditView.vue'),
        meta: { title: 'menu.postingEdit', roles: ENT },
      },
      {
        path: 'postings/:id/matches',
        name: 'm-matches',
        component: () => import('@/views/ent/MatchesView.vue'),
        meta: { title: 'menu.matches', roles: ENT },
      },
      {
        path: 'events',
        name: 'm-events',
        component: () => import('@/views/ent/MyEventsView.vue'),
        meta: { title: 'menu.myEvents', roles: ENT },
      },
      {
        path: 'intents',
        name: 'm-intents',
        component: () => import('@/views/ent/MyIntentsView.vue'),
        meta: { title: 'menu.myIntents', roles: ENT },
      },
      {
        path: 'downloads',
        name: 'm-downloads',
        component: () => import('@/views/common/DownloadsView.vue'),
        meta: { title: 'menu.downloads', roles: ENT },
      },
      {
        path: 'me',
        name: 'm-me',
        component: () => import('@/views/ent/MeView.vue'),
        meta: { title: 'menu.me', roles: ENT },
      },
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
