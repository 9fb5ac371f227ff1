// Sign-in, sign-out, the current user, their own password and e-mail address.
import { del, get, post, put } from './http'
import type { User } from './types'

/** What sign-in and GET /me return. */
export interface SessionInfo {
  user: User
  csrf_token: string
}

/**
 * POST /session — signs in; the server sets the HttpOnly session cookie.
 * Throws ApiError 401 on wrong credentials, 429 (retryAfter set) when throttled.
 */
export function signIn(login: string, password: string): Promise<SessionInfo> {
  return post<SessionInfo>('/session', { login, password }, { redirectOn401: false })
}

/** DELETE /session — signs out (204). */
export function signOut(): Promise<void> {
  return del<void>('/session', { redirectOn401: false })
}

/** GET /me — the signed-in user and CSRF token; throws ApiError 401 when signed out. */
export function fetchMe(): Promise<SessionInfo> {
  return get<SessionInfo>('/me', undefined, { redirectOn401: false })
}

/**
 * PUT /me/password — changes the caller's password (204).
 * Throws ApiError 400 with field 'new_password' (too short) or 'old_password' (wrong).
 */
export function changeMyPassword(oldPassword: string, newPassword: string): Promise<void> {
  return put<void>(
    '/me/password',
    { old_password: oldPassword, new_password: newPassword },
    { redirectOn401: false },
  )
}

/** PUT /me/email — sets the signed-in user's own e-mail address ("" removes it); returns the user. */
export function setMyEmail(email: string): Promise<User> {
  return put<User>('/me/email', { email })
}
