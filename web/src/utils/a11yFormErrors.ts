// Ties Element Plus form labels and errors to their fields for assistive technology. An
// el-form-item's <label for> reaches only a plain input: selects, date pickers and number
// inputs stay unnamed, so a control without a name gets aria-labelledby pointing at its item's
// label. An item shows its message in a role="alert" element (announced when it appears) but
// does not point the control at it; each shown message gets an id, and the item's controls
// aria-invalid="true" and aria-describedby, both taken away when the message goes.

const CONTROLS = 'input:not([type=hidden]), textarea, [role=combobox], [role=radiogroup]'
let next = 0

function hasName(c: Element): boolean {
  if (c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')) return true
  return !!c.id && !!document.querySelector(`label[for="${CSS.escape(c.id)}"]`)
}

function sync(item: Element): void {
  const label = item.querySelector(':scope > .el-form-item__label-wrap > .el-form-item__label, :scope > .el-form-item__label')
  if (label && !label.id) label.id = `jb-field-label-${++next}`
  if (label) {
    for (const c of item.querySelectorAll(CONTROLS)) {
      if (c.closest('.el-form-item') === item && !hasName(c)) c.setAttribute('aria-labelledby', label.id)
    }
  }
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

/** Starts watching the document for form items, and errors shown or cleared; call once at start-up. */
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
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue
        if (n.matches('.el-form-item')) pending.add(n)
        n.querySelectorAll('.el-form-item').forEach((i) => pending.add(i))
        const inside = n.closest('.el-form-item') // a control rendered later (v-if)
        if (inside) pending.add(inside)
      }
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
