// Ties Element Plus form errors to their fields for assistive technology. An el-form-item shows
// its message in a role="alert" element (announced when it appears) but does not point the
// control at it; this observer gives each shown message an id and sets aria-invalid="true" and
// aria-describedby on the item's controls, and takes both away when the message goes.

const CONTROLS = 'input:not([type=hidden]), textarea, [role=combobox], [role=radiogroup]'
let next = 0

function sync(item: Element): void {
  const error = item.querySelector(':scope > .el-form-item__content > .el-form-item__error')
  if (error && !error.id) error.id = `jb-field-error-${++next}`
  for (const c of item.querySelectorAll(CONTROLS)) {
    if (c.closest('.el-form-item') !== item) continue // a nested item's own control
    const ids = (c.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.startsWith('jb-field-error-'))
    if (error) {
      ids.push(error.id)
      c.setAttribute('aria-invalid', 'true')
    } else {
      c.removeAttribute('aria-invalid')
    }
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '))
    else c.removeAttribute('aria-describedby')
  }
}

/** Starts watching the document for form errors shown or cleared; call once at start-up. */
export function tieFormErrorsToFields(): void {
  const pending = new Set<Element>()
  let scheduled = false
  const flush = () => {
    scheduled = false
    for (const item of pending) if (item.isConnected) sync(item)
    pending.clear()
  }
  new MutationObserver((records) => {
    for (const r of records) {
      const nodes = [...r.addedNodes, ...r.removedNodes]
      const touched = nodes.some((n) => n instanceof Element && n.classList.contains('el-form-item__error'))
      if (!touched) continue
      const item = (r.target as Element).closest?.('.el-form-item')
      if (item) pending.add(item)
    }
    if (pending.size && !scheduled) {
      scheduled = true
      queueMicrotask(flush)
    }
  }).observe(document.body, { childList: true, subtree: true })
}
