// 适老化 (ageing-friendly) mode of the public pages: large text and strong contrast, applied as
// the class "elder" on <html> (the rules are in styles.css, CSS only) and remembered in
// localStorage under the same key as the server-made archive page uses (web/public/elder.js).
import { onBeforeUnmount, ref } from 'vue'

const STORAGE_KEY = 'jianbao.elder'

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

/**
 * For a public page: applies the remembered mode while the page is shown (and removes the class
 * when it goes, so staff screens keep their layout); returns the state and a toggle.
 */
export function useElderMode() {
  const on = ref(stored())
  const apply = () => document.documentElement.classList.toggle('elder', on.value)
  apply()
  onBeforeUnmount(() => document.documentElement.classList.remove('elder'))

  /** Switches the mode and remembers the choice. */
  function toggle(): void {
    on.value = !on.value
    try {
      localStorage.setItem(STORAGE_KEY, on.value ? '1' : '0')
    } catch {
      // Private mode without storage: the choice holds for this page only.
    }
    apply()
  }
  return { on, toggle }
}
