// The one HTTP wrapper every API call goes through.
//
// It sends and receives JSON on the same origin (cookies: same-origin), adds the
// X-CSRF-Token header to state-changing requests, sends Accept-Language from the
// current UI locale, and turns every failure into an ApiError that views can show.

/** The error codes the server uses in `{"error":{"code":…}}`, plus `network` for no answer. */
export type ApiErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal'
  | 'network'

/** A failed API call: HTTP status, the server's code/key/message and the offending field. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly key: string
  readonly field: string
  /** Seconds to wait before retrying (from Retry-After on 429), or null. */
  readonly retryAfter: number | null
  /** The whole `error` object of the answer, for module-specific fields (line, column, details…). */
  readonly body: Record<string, unknown>
  /** The error's structured details ({"by", "time", "version"} of an edit conflict), or {}. */
  readonly details: Record<string, unknown>

  constructor(init: {
    status: number
    code: ApiErrorCode
    key: string
    message: string
    field?: string
    retryAfter?: number | null
    body?: Record<string, unknown>
    details?: Record<string, unknown>
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.key = init.key
    this.field = init.field ?? ''
    this.retryAfter = init.retryAfter ?? null
    this.body = init.body ?? {}
    this.details = init.details ?? {}
  }
}

/** Returns true when `e` is an ApiError. */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** Who saved the newer version of a record, from a 412 edit_conflict answer. */
export interface EditConflict {
  by: string
  /** HH:MM in Asia/Shanghai. */
  time: string
  /** The record's current version. */
  version: number
}

/** Returns the conflict when `e` is a 412 edit_conflict answer, else null. */
export function editConflict(e: unknown): EditConflict | null {
  if (!isApiError(e) || e.key !== 'edit_conflict') return null
  const d = e.details
  return {
    by: typeof d.by === 'string' ? d.by : '?',
    time: typeof d.time === 'string' ? d.time : '?',
    version: typeof d.version === 'number' ? d.version : 0,
  }
}

/** Hooks the app installs at start-up so this module needs no store or i18n import. */
export interface HttpContext {
  /** Returns the CSRF token of the current session, or '' when signed out. */
  csrfToken: () => string
  /** Returns the UI locale, sent as Accept-Language (e.g. 'zh-CN'). */
  language: () => string
  /** Called when a request other than the session calls answers 401. */
  onUnauthenticated: () => void
}

let context: HttpContext = {
  csrfToken: () => '',
  language: () => 'zh-CN',
  onUnauthenticated: () => {},
}

/** Installs the hooks used by every later request. */
export function configureHttp(c: HttpContext): void {
  context = c
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Query parameters; undefined, null and '' values are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>

export const API_BASE = '/api/v1'

const CODES: Record<number, ApiErrorCode> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  429: 'too_many_requests',
  503: 'unavailable',
}

/** Builds `/api/v1{path}?{query}`. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const qs = params.toString()
  return API_BASE + path + (qs ? `?${qs}` : '')
}

function parseRetryAfter(h: string | null): number | null {
  if (!h) return null
  const n = Number.parseInt(h, 10)
  if (Number.isFinite(n)) return Math.max(0, n)
  const at = Date.parse(h)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    body = null
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error ?? {}
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  return new ApiError({
    status: res.status,
    code: (str(err.code) as ApiErrorCode) || CODES[res.status] || 'internal',
    key: str(err.key),
    message: str(err.message) || `HTTP ${res.status} ${res.statusText}`.trim(),
    field: str(err.field),
    retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
    body: err,
    details: typeof err.details === 'object' && err.details !== null ? (err.details as Record<string, unknown>) : {},
  })
}

/** Options of one request. */
export interface RequestOptions {
  query?: Query
  /** Sent as JSON. */
  body?: unknown
  /** Sent as the raw request body (application/octet-stream) instead of a JSON body. */
  file?: Blob
  /** When false, a 401 does not trigger the sign-in redirect (used by the session calls). */
  redirectOn401?: boolean
  /** The record version the write was made from, sent as If-Match (412 edit_conflict when stale). */
  ifMatch?: number
}

/**
 * Sends one request and returns the parsed JSON body (undefined for 204).
 * Throws ApiError on any non-2xx answer or when the server cannot be reached.
 */
export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': context.language(),
  }
  if (opts.file !== undefined) headers['Content-Type'] = 'application/octet-stream'
  else if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') {
    const token = context.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  if (opts.ifMatch !== undefined) headers['If-Match'] = `"${opts.ifMatch}"`
  let res: Response
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.file ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    })
  } catch (e) {
    throw new ApiError({
      status: 0,
      code: 'network',
      key: 'network_error',
      message: e instanceof Error ? e.message : String(e),
    })
  }
  if (!res.ok) {
    const err = await toApiError(res)
    if (res.status === 401 && opts.redirectOn401 !== false) context.onUnauthenticated()
    throw err
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** GET `path` with `query`; returns the JSON body. */
export function get<T>(path: string, query?: Query, opts: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, { ...opts, query })
}

/** POST `body` to `path`; returns the JSON body (undefined for 204). */
export function post<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, { ...opts, body })
}

/** PUT `body` to `path`; returns the JSON body (undefined for 204). */
export function put<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return request<T>('PUT', path, { ...opts, body })
}

/** PATCH `path` with `body`; returns the JSON body. */
export function patch<T>(path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
  return request<T>('PATCH', path, { ...opts, body })
}

/** DELETE `path`; returns the JSON body (undefined for 204). */
export function del<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return request<T>('DELETE', path, opts)
}

/** POST a file's bytes as the raw request body to `path` (the API's upload convention). */
export function upload<T>(path: string, file: Blob, query?: Query, opts: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, { ...opts, query, file })
}
