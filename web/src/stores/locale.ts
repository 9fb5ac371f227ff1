// The UI language: drives vue-i18n, Element Plus, <html lang> and Accept-Language.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Language } from 'element-plus/es/locale'
import elZhCn from 'element-plus/es/locale/lang/zh-cn'
import elEn from 'element-plus/es/locale/lang/en'
import { i18n, storeLocale, storedLocale, type Locale } from '@/i18n'

const ELEMENT_LOCALES: Record<Locale, Language> = { 'zh-CN': elZhCn, en: elEn }

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(storedLocale())
  const elementLocale = computed(() => ELEMENT_LOCALES[locale.value])

  function apply(): void {
    i18n.global.locale.value = locale.value
    document.documentElement.lang = locale.value
  }

  /** Switches the UI to `next` and remembers the choice. */
  function setLocale(next: Locale): void {
    locale.value = next
    storeLocale(next)
    apply()
  }

  apply()
  return { locale, elementLocale, setLocale }
})
