// Keyboard use of the side menu. Element Plus renders every menu item with tabindex="-1" and
// no key handling in a vertical menu, so Tab skipped the menu. This makes it one tab stop (the
// active item, or the first) and moves along it with the arrow keys, Home and End; Enter and
// Space open the focused item (the WAI-ARIA menubar pattern).
import { nextTick, onMounted, useTemplateRef, watch } from 'vue'

/**
 * For the layout whose menu container has ref="menuNav" and @keydown="onMenuKey". `deps`
 * returns what changes the items (the active route, the menu's length).
 */
export function useMenuKeyboard(deps: () => unknown) {
  const nav = useTemplateRef<HTMLElement>('menuNav')
  const items = () => [...(nav.value?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]

  function focusable(target?: HTMLElement): void {
    const list = items()
    const cur = target ?? list.find((i) => i.classList.contains('is-active')) ?? list[0]
    for (const i of list) i.tabIndex = i === cur ? 0 : -1
  }

  function onMenuKey(e: KeyboardEvent): void {
    const list = items()
    const i = list.indexOf(document.activeElement as HTMLElement)
    if (i < 0) return
    const moves: Record<string, number> = {
      ArrowDown: (i + 1) % list.length,
      ArrowRight: (i + 1) % list.length,
      ArrowUp: (i - 1 + list.length) % list.length,
      ArrowLeft: (i - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    }
    if (e.key in moves) {
      e.preventDefault()
      const next = list[moves[e.key]]
      focusable(next)
      next.focus()
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      list[i].click()
    }
  }

  onMounted(() => focusable())
  watch(deps, () => void nextTick(() => focusable()))
  return { onMenuKey }
}
