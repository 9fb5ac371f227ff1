// Human labels of audit actions ("user.create" → 新建用户) and entity types ("user" → 用户).
// The labels live in the locale files under audit.actions.<module>.<verb> and
// audit.entities.<type>; an action or entity without a label (one a later module records)
// is shown as its raw text.
import { useI18n } from 'vue-i18n'
import zhCN from '@/locales/zh-CN.json'

type Tree = { [key: string]: string | Tree }

/** Joins the nested keys of a message tree into dotted codes: {user: {create: …}} → ['user.create']. */
function codes(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : codes(v, `${prefix}${k}.`),
  )
}

/** Actions that have a label, in the order of the locale file. */
export const KNOWN_ACTIONS: readonly string[] = codes(zhCN.audit.actions)
/** Entity types that have a label. */
export const KNOWN_ENTITIES: readonly string[] = codes(zhCN.audit.entities)

// A code is looked up as a message path only if it is made of plain segments, so odd
// text ("a..b", "x[0]") never reaches the path resolver as anything but a miss.
const CODE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/i

/** Returns `actionLabel(code)` and `entityLabel(type)` for the current locale. */
export function useAuditLabels() {
  const { t, te } = useI18n()
  function label(group: 'actions' | 'entities', code: string): string {
    if (!CODE.test(code)) return code
    const key = `audit.${group}.${code}`
    return te(key) ? t(key) : code
  }
  return {
    actionLabel: (action: string) => label('actions', action),
    entityLabel: (entity: string) => label('entities', entity),
  }
}
