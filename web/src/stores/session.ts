// The signed-in user and the CSRF token of their session.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { isApiError } from '@/api/http'
import * as sessionApi from '@/api/session'
import type { Role, User } from '@/api/types'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref('')
  /** True once GET /me has answered (signed in or not) since the page loaded. */
  const checked = ref(false)

  const signedIn = computed(() => user.value !== null)
  const roles = computed<Role[]>(() => user.value?.roles ?? [])

  function set(info: sessionApi.SessionInfo | null): void {
    user.value = info?.user ?? null
    csrfToken.value = info?.csrf_token ?? ''
    checked.value = true
  }

  /** Returns true when the user holds any of `wanted` (an empty list means anyone signed in). */
  function hasAnyRole(wanted: readonly Role[]): boolean {
    if (!user.value) return false
    return wanted.length === 0 || wanted.some((r) => roles.value.includes(r))
  }

  /**
   * Asks the server who is signed in (once per page load unless `force`).
   * Leaves the store signed out on 401; rethrows any other error.
   */
  async function load(force = false): Promise<void> {
    if (checked.value && !force) return
    try {
      set(await sessionApi.fetchMe())
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        set(null)
        return
      }
      throw e
    }
  }

  /** Signs in; throws ApiError (401 wrong credentials, 429 throttled). */
  async function signIn(login: string, password: string): Promise<void> {
    set(await sessionApi.signIn(login, password))
  }

  /** Signs out on the server (errors ignored) and forgets the user here. */
  async function signOut(): Promise<void> {
    try {
      await sessionApi.signOut()
    } finally {
      set(null)
    }
  }

  /** Forgets the user without asking the server (after a 401). */
  function clear(): void {
    set(null)
  }

  return { user, csrfToken, checked, signedIn, roles, hasAnyRole, load, signIn, signOut, clear }
})
