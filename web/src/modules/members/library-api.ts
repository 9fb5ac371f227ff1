// The policy library (政策汇编) and training (培训) API: /api/v1/policies…, /api/v1/training/courses…
// (docs/members.md). Every call goes through src/api/http.ts; failures throw ApiError.
import { apiUrl, del, get, post, put, upload, type Query } from '@/api/http'
import type { Page } from '@/api/types'

export interface PolicyInput {
  title: string
  issuer: string
  issued_on: string
  doc_number: string
  region: string
  tags: string[]
  summary: string
  link: string
}
export interface PolicyFile {
  name: string
  mime: string
  size: number
}
export interface Policy extends PolicyInput {
  id: number
  /** The attached document, or null. */
  attachment: PolicyFile | null
  owner: string
  created_at: string
  created_by: string
  updated_at: string
}
export interface Digest {
  title: string
  body: string
}

export const listPolicies = (q: Query) => get<Page<Policy>>('/policies', q)
export const createPolicy = (p: PolicyInput) => post<Policy>('/policies', p)
export const updatePolicy = (id: number, p: PolicyInput) => put<Policy>(`/policies/${id}`, p)
export const deletePolicy = (id: number) => del<void>(`/policies/${id}`)
/** Attaches (or replaces) the policy's file; its type is taken from its bytes. */
export const uploadPolicyFile = (id: number, file: File) => upload<Policy>(`/policies/${id}/attachment`, file, { name: file.name })
export const deletePolicyFile = (id: number) => del<void>(`/policies/${id}/attachment`)
export const policyFileUrl = (id: number) => apiUrl(`/policies/${id}/attachment`)
export const makeDigest = (policyIds: number[], title: string) =>
  post<Digest>('/policies/digest', { policy_ids: policyIds, title })

export type CourseFormat = 'online' | 'offline'
export interface CourseInput {
  title: string
  provider: string
  format: CourseFormat
  start: string
  end: string
  link: string
  capacity: number
  valid_until: string
}
export interface CourseChange {
  at: string
  actor: string
  kind: 'postpone' | 'extend'
  before: string
  after: string
  reason: string
}
export interface Course extends CourseInput {
  id: number
  registered: number
  owner: string
  created_at: string
  created_by: string
  registered_by_me: boolean
  history: CourseChange[]
}
export interface Registration {
  id: number
  login: string
  name: string
  org: string
  org_name: string
  registered_at: string
  attended: boolean
  attendance_by: string
  attendance_at: string
}

const C = '/training/courses'
export const listCourses = (q: Query) => get<Page<Course>>(C, q)
export const getCourse = (id: number) => get<Course>(`${C}/${id}`)
export const createCourse = (c: CourseInput) => post<Course>(C, c)
export const updateCourse = (id: number, c: CourseInput) => put<Course>(`${C}/${id}`, c)
export const registerCourse = (id: number) => post<Course>(`${C}/${id}/register`)
export const unregisterCourse = (id: number) => del<Course>(`${C}/${id}/register`)
export const listRegistrations = (id: number) => get<{ items: Registration[] }>(`${C}/${id}/registrations`)
export const markAttendance = (id: number, items: { login: string; attended: boolean }[]) =>
  post<{ items: Registration[] }>(`${C}/${id}/attendance`, { items })
export const postponeCourse = (id: number, start: string, end: string, reason: string) =>
  post<Course>(`${C}/${id}/postpone`, { start, end, reason })
export const extendCourse = (id: number, validUntil: string, reason: string) =>
  post<Course>(`${C}/${id}/extend`, { valid_until: validUntil, reason })
