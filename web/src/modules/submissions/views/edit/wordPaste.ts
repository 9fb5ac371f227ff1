// Clean-up of HTML pasted from Word (and WPS) before the rich-text editor parses it, so that the
// structure survives and nothing breaks the page's Content-Security-Policy:
// - Word writes list items as paragraphs (class MsoListParagraph…, style "mso-list:l0 level1
//   lfo1") with the bullet or number as text in a span marked "mso-list:Ignore"; they become
//   real <ul>/<ol> lists, nested by level, without the typed bullet;
// - images that point at the writer's own disk (file:, cid:, http…) are dropped: only data: and
//   blob: images can be shown and stored (the editor says so; images are pasted or uploaded);
// - Office's own elements (<o:p>, <w:…>), comments, <style>, <script>, <meta> and <link> go, and
//   so do all style attributes (the editor keeps structure, not looks; the CSP forbids them).
// Headings (<h1>–<h6>), bold, italics, tables and links are left for the editor's schema.

const ORDERED_MARK = /^\s*(\(?\d+[.)、．]?\)?|[a-zA-Z][.)]|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十\d]+）)\s*$/

// Style attributes are renamed before the HTML is parsed at all: even a parse into a detached
// document counts as an inline style under the CSP (a violation report each). Their text is
// still read from this attribute (Word's list levels live there).
const STYLE = 'data-pasted-style'

/** Returns the list level (1…) of a Word list paragraph, or 0 when it is not one. */
function wordListLevel(el: Element): number {
  const style = el.getAttribute(STYLE) ?? ''
  const m = /mso-list:\s*l\d+\s+level(\d+)/i.exec(style)
  if (m) return Number(m[1])
  return /MsoListParagraph/i.test(el.getAttribute('class') ?? '') ? 1 : 0
}

/** Takes the typed bullet or number off a Word list paragraph; says whether it was a number. */
function stripMarker(el: Element): boolean {
  let ordered = false
  for (const span of Array.from(el.querySelectorAll('span'))) {
    if (/mso-list:\s*ignore/i.test(span.getAttribute(STYLE) ?? '')) {
      ordered = ORDERED_MARK.test(span.textContent ?? '')
      span.remove()
    }
  }
  return ordered
}

/** Turns runs of Word list paragraphs under `parent` into nested <ul>/<ol>. */
function buildLists(doc: Document, parent: Element): void {
  const children = Array.from(parent.children)
  let i = 0
  while (i < children.length) {
    const el = children[i]
    if (el.tagName !== 'P' || !wordListLevel(el)) {
      if (el.children.length && !['P', 'UL', 'OL'].includes(el.tagName)) buildLists(doc, el)
      i++
      continue
    }
    // One run of consecutive list paragraphs.
    const stack: { level: number; list: Element }[] = []
    const anchor = el
    let top: Element | null = null
    while (i < children.length && children[i].tagName === 'P' && wordListLevel(children[i])) {
      const p = children[i]
      const level = wordListLevel(p)
      const ordered = stripMarker(p)
      while (stack.length && stack[stack.length - 1].level > level) stack.pop()
      if (!stack.length || stack[stack.length - 1].level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul')
        if (stack.length) {
          const owner = stack[stack.length - 1].list.lastElementChild ?? stack[stack.length - 1].list
          owner.appendChild(list)
        } else {
          top = list
        }
        stack.push({ level, list })
      }
      const li = doc.createElement('li')
      const para = doc.createElement('p')
      while (p.firstChild) para.appendChild(p.firstChild)
      li.appendChild(para)
      stack[stack.length - 1].list.appendChild(li)
      if (p !== anchor) p.remove()
      i++
    }
    if (top) anchor.replaceWith(top)
  }
}

/** Returns `html` (from the clipboard) cleaned for the editor, as described above. */
export function cleanPastedHtml(html: string): string {
  const safe = html
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/(<[a-z][^<>]*?\s)style(\s*=)/gi, `$1${STYLE}$2`)
  const doc = new DOMParser().parseFromString(safe, 'text/html')
  for (const el of Array.from(doc.querySelectorAll('style, script, meta, link, title, xml'))) el.remove()
  for (const el of Array.from(doc.body.getElementsByTagName('*'))) {
    if (el.tagName.includes(':')) el.replaceWith(...Array.from(el.childNodes))
  }
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? ''
    if (!/^(data:image\/|blob:)/i.test(src)) img.remove()
  }
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const c of comments) c.parentNode?.removeChild(c)
  buildLists(doc, doc.body)
  // Inline styles are of no use to the editor (it keeps structure, not looks).
  for (const el of Array.from(doc.body.querySelectorAll(`[${STYLE}]`))) el.removeAttribute(STYLE)
  return doc.body.innerHTML
}
