// vue-i18n set-up: Chinese by default, English on request, the choice kept in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const STORAGE_KEY = 'jianbao.locale'

/** Returns the stored locale, or 'zh-CN' when none (or an unknown one) is stored. */
export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/** Remembers `locale` for the next visit. */
export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
}

type Messages = typeof zhCN

// Each module keeps its own messages in src/modules/<name>/locales/{zh-CN,en}.json,
// under its own top-level key; they are merged into the shared catalogue here.
const moduleLocales = import.meta.glob<Record<string, unknown>>('./modules/*/locales/*.json', {
  eager: true,
  import: 'default',
})

function withModules(base: Record<string, unknown>, locale: string): Messages {
  const merged: Record<string, unknown> = { ...base }
  for (const [path, messages] of Object.entries(moduleLocales)) {
    if (path.endsWith(`/${locale}.json`)) Object.assign(merged, messages)
  }
  return merged as Messages
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': withModules(zhCN, 'zh-CN'), en: withModules(en, 'en') },
})
