// Typed route meta used by the guard and the layout.
import 'vue-router'
import type { Role } from '@/api/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Roles allowed (empty or absent: anyone signed in). */
    roles?: readonly Role[]
    /** vue-i18n key of the page title. */
    title?: string
  }
}
