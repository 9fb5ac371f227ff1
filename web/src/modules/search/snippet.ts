// A snippet as text pieces, marked or not: the server sends HTML with matches in <mark> and
// everything else escaped; the page renders the pieces as text (no v-html).

export interface SnippetPart {
  text: string
  mark: boolean
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** Returns the text of escaped HTML (only the five entities the server writes). */
function unescape(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
}

/** Splits a snippet into plain and marked parts. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let mark = false
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true
    else if (piece === '</mark>') mark = false
    else if (piece) parts.push({ text: unescape(piece), mark })
  }
  return parts
}
