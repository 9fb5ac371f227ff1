// One line of a piece's CommonMark as a reader sees it, for the version diff ("diffs on rendered
// text"): headings, list items, table rows and quotes lose their markers, **bold**, *italic* and
// ~~struck~~ text are marked up, links show their text and images their description (never a
// data: URI). Plain text parts only: the template renders them, nothing is parsed as HTML.

export interface Part {
  text: string
  bold?: boolean
  italic?: boolean
  strike?: boolean
}

export interface RenderedLine {
  kind: 'heading' | 'item' | 'row' | 'rule' | 'quote' | 'text'
  /** A list item's bullet or number ("•", "3."). */
  marker?: string
  parts: Part[]
}

/** Splits inline Markdown into parts with their emphasis; links and images become their text. */
export function inlineParts(text: string, imageWord: string): Part[] {
  const t = text
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)/g, (_m, alt: string) => `[${imageWord}${alt ? '：' + alt : ''}]`)
    .replace(/\[([^\]]+)\]\([^)\s]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
  const parts: Part[] = []
  const re = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|~~(.+?)~~/g
  let last = 0
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index > last) parts.push({ text: t.slice(last, m.index) })
    if (m[2] !== undefined) parts.push({ text: m[2], bold: true })
    else if (m[4] !== undefined) parts.push({ text: m[4], italic: true })
    else parts.push({ text: m[5], strike: true })
    last = m.index + m[0].length
  }
  if (last < t.length) parts.push({ text: t.slice(last) })
  for (const p of parts) p.text = p.text.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
  return parts
}

/** Returns `line` (one line of CommonMark) as rendered text parts. */
export function renderLine(line: string, imageWord: string): RenderedLine {
  let m = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
  if (m) return { kind: 'heading', parts: inlineParts(m[2], imageWord) }
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) && line.includes('|')) {
    return { kind: 'rule', parts: [] }
  }
  if (/^\s*\|.*\|\s*$/.test(line)) {
    const cells = line.trim().slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim())
    const parts: Part[] = []
    cells.forEach((c, i) => {
      if (i) parts.push({ text: '  │  ' })
      parts.push(...inlineParts(c, imageWord))
    })
    return { kind: 'row', parts }
  }
  m = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line)
  if (m) {
    const marker = /\d/.test(m[2]) ? m[2].replace(')', '.') : '•'
    return { kind: 'item', marker: ' '.repeat(m[1].length) + marker, parts: inlineParts(m[3], imageWord) }
  }
  m = /^\s*>\s?(.*)$/.exec(line)
  if (m) return { kind: 'quote', parts: inlineParts(m[1], imageWord) }
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return { kind: 'rule', parts: [] }
  return { kind: 'text', parts: inlineParts(line, imageWord) }
}
