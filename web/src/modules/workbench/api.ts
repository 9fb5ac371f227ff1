// The workbench's to-dos: GET /api/v1/workbench/todos (docs/api.md).
import { get } from '@/api/http'

export interface TodoItem {
  id: number
  title?: string
  year?: number
  number?: number
  date?: string
  deadline?: string
  read?: boolean
  /** returned_issues: the approver's comment (退回修改), who wrote it and when. */
  comment?: string
  by?: string
  at?: string
  link: string
}

/** One to-do of the signed-in user's roles: a count, where to go, the first few items. */
export interface Todo {
  key: string
  count: number
  link: string
  items: TodoItem[]
}

export async function listTodos(): Promise<Todo[]> {
  return (await get<{ items: Todo[] }>('/workbench/todos')).items
}
