// Where to go after signing in.

/** Returns `raw` if it is a safe in-app path to return to after sign-in, else '/'. */
export function safeRedirect(raw: unknown): string {
  return typeof raw === 'string' && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/'
}
