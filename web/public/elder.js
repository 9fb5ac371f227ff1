// 适老化 switch of the pages the server writes itself (the public archive of a series): large
// text and strong contrast as the class "elder" on <html> (rules in public-page.css), remembered
// in localStorage under the key the web UI's public pages use (src/composables/useElderMode.ts).
;(() => {
  const KEY = 'jianbao.elder'
  const root = document.documentElement
  const stored = () => {
    try {
      return localStorage.getItem(KEY) === '1'
    } catch {
      return false
    }
  }
  root.classList.toggle('elder', stored())
  // The HTML editions linked from the page open in the same mode (?elder=1: the server turns
  // on their own switch, which works without scripts).
  const linkEditions = () => {
    for (const a of document.querySelectorAll('a[href*="/files/html"]')) {
      const url = new URL(a.href)
      if (root.classList.contains('elder')) url.searchParams.set('elder', '1')
      else url.searchParams.delete('elder')
      a.href = url.pathname + url.search
    }
  }
  const wire = () => {
    linkEditions()
    const button = document.getElementById('elder-switch')
    if (!button) return
    button.hidden = false
    button.setAttribute('aria-pressed', String(root.classList.contains('elder')))
    button.addEventListener('click', () => {
      const on = !root.classList.contains('elder')
      root.classList.toggle('elder', on)
      button.setAttribute('aria-pressed', String(on))
      linkEditions()
      try {
        localStorage.setItem(KEY, on ? '1' : '0')
      } catch {
        // No storage (private mode): the choice holds for this page only.
      }
    })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire)
  else wire()
})()
