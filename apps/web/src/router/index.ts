import { createRouter, createWebHistory } from 'vue-router';
import { setUnauthorizedHandler } from '@/api/client';
import { t } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useTabsStore } from '@/stores/tabs';
import { HOME_BY_ROLE, routes } from './routes';

export const router = createRouter({ history: createWebHistory('/'), routes });

/** Role guard: public pages pass; others need a session and one of the page's roles, else the role's home. */
router.beforeEach((to) => {
  const auth = useAuthStore();
  if (to.meta.public) {
    if (to.name === 'login' && auth.loggedIn && auth.role) return HOME_BY_ROLE[auth.role];
    return true;
  }
  if (!auth.loggedIn || !auth.role)
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (to.name === 'home' || to.path === '/m') return HOME_BY_ROLE[auth.role];
  if (to.meta.roles && !to.meta.roles.includes(auth.role)) return HOME_BY_ROLE[auth.role];
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title ? t(to.meta.title) : '';
  document.title = title ? `${title} - ${t('app.title')}` : t('app.title');
});

setUnauthorizedHandler(() => {
  useAuthStore().logout();
  useTabsStore().clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login')
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
});

export { HOME_BY_ROLE };
