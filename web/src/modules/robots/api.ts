// The group-robot API: /api/v1/robots… (docs/robots.md). Secrets come back masked only.
import { del, get, post, put, type Query } from '@/api/http'
import type { Page } from '@/api/types'

export type RobotKind = 'wecom' | 'dingtalk' | 'generic'
export const ROBOT_KINDS: RobotKind[] = ['wecom', 'dingtalk', 'generic']

export interface RobotInput {
  name: string
  kind: RobotKind
  url: string
  /** Left out on update to keep the stored secret. */
  secret?: string
  enabled: boolean
}
export interface Robot {
  id: number
  org: string
  name: string
  kind: RobotKind
  /** The URL with its query masked. */
  url: string
  secret: string
  has_secret: boolean
  enabled: boolean
  created_at: string
  created_by: string
}
export type DeliveryStatus = 'pending' | 'sent' | 'failed'
export interface Delivery {
  id: number
  robot: number
  robot_name: string
  event: string
  title: string
  number: string
  link: string
  status: DeliveryStatus
  attempts: number
  next_at: string
  last_error: string
  created_at: string
  sent_at: string
}

export const listRobots = () => get<{ items: Robot[] }>('/robots')
export const createRobot = (r: RobotInput) => post<Robot>('/robots', r)
export const updateRobot = (id: number, r: RobotInput) => put<Robot>(`/robots/${id}`, r)
export const deleteRobot = (id: number) => del<void>(`/robots/${id}`)
export const testRobot = (id: number) => post<Delivery>(`/robots/${id}/test`)
export const listDeliveries = (q: Query) => get<Page<Delivery>>('/robots/deliveries', q)
