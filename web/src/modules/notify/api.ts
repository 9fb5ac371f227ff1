// In-app notifications (module notify): list, unread count, mark read.
import { get, post } from '@/api/http'
import type { Page } from '@/api/types'

export interface Notification {
  id: number
  kind: string
  title: string
  body: string
  entity: string
  entity_id: string
  read: boolean
  created_at: string
}

export interface NotificationPage extends Page<Notification> {
  unread: number
}

export function listNotifications(q: { unread?: boolean; page?: number; page_size?: number }): Promise<NotificationPage> {
  return get<NotificationPage>('/notifications', { unread: q.unread ? 1 : undefined, page: q.page, page_size: q.page_size })
}

export function unreadCount(): Promise<number> {
  return get<{ unread: number }>('/notifications/unread-count').then((r) => r.unread)
}

export function markRead(id: number): Promise<void> {
  return post<void>(`/notifications/${id}/read`)
}

export function markAllRead(): Promise<void> {
  return post<void>('/notifications/read-all')
}
