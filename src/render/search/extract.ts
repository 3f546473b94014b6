/** A stretch of a page under one heading: what a search result links to. */
export interface PageSection {
  /** The heading's id (the `#fragment`), or '' for the text before the first heading. */
  anchor: string
  /** The heading's text, or '' for the text before the first heading. */
  heading: string
  /** The prose and code under the heading, whitespace collapsed. */
  text: string
}

/** Headings that open a section: the depths the in-page table of contents lists. */
const SECTION_HEADINGS = new Set(['h2', 'h3'])
/** Elements whose text is not reading matter: scripts, drawings, a formula's TeX source, controls and the labels of collapsed cells. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'svg', 'annotation', 'button', 'summary', 'textarea', 'select'])
/**
 * Classes whose content is left out: KaTeX's visual rendering (its glyphs
 * are not words; an inline formula is read from its MathML instead, so a
 * snippet says "at 10 Hz", not "at Hz"), displayed equations (symbols, not
 * words), notebook outputs (data, not prose; they would bloat the index),
 * prompts and text meant for screen readers only.
 */
const SKIPPED_CLASSES = new Set(['katex-html', 'katex-display', 'cell-outputs', 'prompt', 'visually-hidden'])
/** Elements whose content is raw text, which may hold `<` without opening a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title'])
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
/** Elements after which words must not run together. */
const BLOCKS = new Set(['p', 'div', 'li', 'pre', 'td', 'th', 'tr', 'br', 'blockquote', 'dt', 'dd', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'details', 'table', 'aside', 'figure', 'hr'])

// A tag (attribute values may hold `>`), or a comment, doctype or CDATA section.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<![^>]*>/g

/**
 * Split a rendered page body into its sections: one per depth-2 or depth-3
 * heading that has an id, plus the text before the first such heading. The
 * text is the prose and the code a reader sees, without formulas, outputs or
 * markup; sections with no text and no heading are left out.
 *
 * Bodies are scanned as a stream of tags rather than parsed into a tree: a
 * course's bodies run to megabytes (highlighted code, outputs), and a full
 * HTML parse of them cost more than the rest of the build. The bodies come
 * from the HTML serialiser, so tags are well formed; a stray end tag is ignored.
 */
export function extractSections(bodyHtml: string): PageSection[] {
  const sections: PageSection[] = []
  let section = {anchor: '', heading: '', parts: [] as string[]}
  /** Open elements, and whether each is a section heading. */
  const stack: Array<{tag: string; heading: boolean}> = []
  let headingParts: string[] | undefined
  const close = () => {
    const text = collapse(section.parts.join(''))
    if (text || section.heading) sections.push({anchor: section.anchor, heading: section.heading, text})
  }
  const addText = (raw: string) => {
    if (raw === '') return
    ;(headingParts ?? section.parts).push(decodeEntities(raw))
  }

  const rawStarts = rawTextStarts(bodyHtml)
  TAG.lastIndex = 0
  let last = 0
  for (let match = TAG.exec(bodyHtml); match; match = TAG.exec(bodyHtml)) {
    addText(bodyHtml.slice(last, match.index))
    last = TAG.lastIndex
    const name = match[2]?.toLowerCase()
    if (!name) continue
    const attributes = match[3] ?? ''
    if (match[1]) {
      const at = stack.findLastIndex((open) => open.tag === name)
      if (at === -1) continue
      const closesHeading = stack.slice(at).some((open) => open.heading)
      stack.length = at
      if (closesHeading && headingParts) {
        section.heading = collapse(headingParts.join(''))
        headingParts = undefined
      }
      if (BLOCKS.has(name)) addText(' ')
      continue
    }
    if (RAW_TEXT.has(name)) {
      last = TAG.lastIndex = rawTextEnd(bodyHtml, name, last)
      continue
    }
    if (VOID.has(name) || attributes.endsWith('/')) {
      if (BLOCKS.has(name)) addText(' ')
      continue
    }
    if (SKIPPED_ELEMENTS.has(name) || hasSkippedClass(attributes)) {
      // Nothing inside is reading matter: go straight past the element's end tag (formulas and outputs are most of a body's tags).
      last = TAG.lastIndex = elementEnd(bodyHtml, name, last, rawStarts)
      if (BLOCKS.has(name)) addText(' ')
      continue
    }
    const id = !headingParts && SECTION_HEADINGS.has(name) ? attributeValue(attributes, 'id') : undefined
    if (id) {
      close()
      section = {anchor: id, heading: '', parts: []}
      headingParts = []
    }
    stack.push({tag: name, heading: Boolean(id)})
  }
  addText(bodyHtml.slice(last))
  if (headingParts) section.heading = collapse(headingParts.join(''))
  close()
  return sections
}

/** Where the raw text content of a `name` element that starts at `from` ends (at its end tag). */
function rawTextEnd(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}`, 'gi')
  closing.lastIndex = from
  return closing.exec(html)?.index ?? html.length
}

/**
 * Where the element `name` whose start tag ends at `from` ends: just past its
 * matching end tag, found by counting nested elements of the same name on the
 * same stream of tags (raw text jumped over); the end of the body when unclosed.
 */
function elementEnd(html: string, name: string, from: number, rawStarts: readonly number[]): number {
  const end = sameNameEnd(html, name, from)
  // Raw text (a script in an output) may hold what looks like tags: then every tag is read on the way.
  const raw = rawStarts.find((at) => at >= from)
  if (end !== undefined && (raw === undefined || raw >= end)) return end
  return elementEndByTags(html, name, from)
}

/** Where raw-text elements start in a body, in order (usually nowhere). */
function rawTextStarts(html: string): number[] {
  return [...html.matchAll(/<(?:script|style|textarea|title)[\s>/]/gi)].map((m) => m.index)
}

const SAME_NAME = new Map<string, RegExp>()

/** `elementEnd` by reading only the start and end tags named `name` (fast: nothing else is looked at); undefined when unclosed. */
function sameNameEnd(html: string, name: string, from: number): number | undefined {
  let tags = SAME_NAME.get(name)
  if (!tags) SAME_NAME.set(name, (tags = new RegExp(`<(/?)${name}(?=[\\s>/])`, 'gi')))
  tags.lastIndex = from
  let depth = 1
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1
    if (depth === 0) {
      const gt = html.indexOf('>', tags.lastIndex)
      return gt === -1 ? html.length : gt + 1
    }
  }
  return undefined
}

function elementEndByTags(html: string, name: string, from: number): number {
  const tags = new RegExp(TAG.source, 'g')
  tags.lastIndex = from
  let depth = 1
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    const tag = match[2]?.toLowerCase()
    if (!tag) continue
    if (RAW_TEXT.has(tag) && !match[1]) {
      tags.lastIndex = rawTextEnd(html, tag, tags.lastIndex)
      continue
    }
    if (tag !== name || VOID.has(tag) || match[3]?.endsWith('/')) continue
    depth += match[1] ? -1 : 1
    if (depth === 0) return tags.lastIndex
  }
  return html.length
}

function hasSkippedClass(attributes: string): boolean {
  const classes = attributeValue(attributes, 'class')
  return classes !== undefined && classes.split(/\s+/).some((c) => SKIPPED_CLASSES.has(c))
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>()

function attributeValue(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name)
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')))
  const match = pattern.exec(attributes)
  if (!match) return undefined
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '')
}

const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', times: '×', minus: '−', deg: '°'}

/** Decode character references: every numeric one, and the named ones authors commonly write (others are left as written). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole
  })
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
