import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, tokenStore } from '@/api/client';
import type { Role, SessionUser } from '@/api/types';

const USER_KEY = 'clusterlink.user';

export const DEPARTMENT_ROLES: Role[] = ['dept_admin', 'dept_staff', 'reviewer'];

/** The signed-in user and token; the token lives in localStorage so a reload keeps the session. */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(readUser());
  const loggedIn = computed(() => !!user.value && !!tokenStore.get());
  const role = computed<Role | null>(() => user.value?.role ?? null);
  const isDeptEditor = computed(() => role.value === 'dept_admin' || role.value === 'dept_staff');

  async function login(username: string, password: string): Promise<SessionUser> {
    const result = await api.post<{ accessToken: string; user: SessionUser }>('/auth/login', {
      username,
      password,
    });
    tokenStore.set(result.accessToken);
    setUser(result.user);
    return result.user;
  }

  /** Re-reads the user behind a stored token (role changes, deleted accounts). */
  async function refresh(): Promise<void> {
    if (!tokenStore.get()) return;
    setUser(await api.get<SessionUser>('/auth/me'));
  }

  function logout(): void {
    tokenStore.clear();
    setUser(null);
  }

  function setUser(next: SessionUser | null): void {
    user.value = next;
    if (next) localStorage.setItem(USER_KEY, JSON.stringify(next));
    else localStorage.removeItem(USER_KEY);
  }

  return { user, role, loggedIn, isDeptEditor, login, refresh, logout };
});

function readUser(): SessionUser | null {
  try {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}
