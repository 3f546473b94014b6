import {emptySpec, parsePackages, splitList, wrapFor, type TikzSpec} from './spec.js'

/** Alt text and caption, however the author gave them. */
export interface Description {
  alt?: string
  caption?: string
}

/** A ```` ```tikz ```` fence, read. */
export interface FenceDiagram extends Description {
  spec: TikzSpec
  /** 1-based line of the fence's content where `spec.source` starts (after MyST option lines). */
  sourceLine: number
  /** Option names the fence gave that mean nothing here. */
  unknown: string[]
}

/** The fence languages that mean "draw this": ```` ```tikz ```` and MyST's ```` ```{tikz} ````. */
export function isTikzFence(lang: string | null | undefined): boolean {
  return lang === 'tikz' || lang === '{tikz}'
}

const KNOWN = new Set(['alt', 'caption', 'scale', 'libraries', 'packages', 'pgfplots-libraries', 'preamble'])
const ALIASES: Record<string, string> = {
  library: 'libraries',
  'tikz-libraries': 'libraries',
  package: 'packages',
  'tex-packages': 'packages',
  pgfplotslibraries: 'pgfplots-libraries',
}

/**
 * Read a fence: options on the fence line (`alt="…" caption="…" scale=1.5
 * libraries=calc,patterns packages=pgfplots preamble="…"`, optionally in
 * `{…}` like directive attributes), MyST-style `:key: value` lines opening
 * the content, and `% alt: …` / `% caption: …` comment lines. Fence-line
 * options win over the others.
 */
export function parseFence(value: string, meta: string | null | undefined): FenceDiagram {
  const lines = value.split('\n')
  let skip = 0
  const options = new Map<string, string>()
  for (; skip < lines.length; skip++) {
    const option = /^:([\w-]+):\s*(.*)$/.exec(lines[skip]!)
    if (!option) break
    options.set(normalise(option[1]!), option[2]!.trim())
  }
  for (const [key, val] of parseAttributes(meta ?? '')) options.set(normalise(key), val)
  const source = lines.slice(skip).join('\n')
  const spec = emptySpec(source, wrapFor(source))
  spec.libraries = splitList(options.get('libraries') ?? '')
  spec.packages = parsePackages(options.get('packages') ?? '')
  spec.pgfplotsLibraries = splitList(options.get('pgfplots-libraries') ?? '')
  spec.preamble = options.get('preamble') ?? ''
  const scale = Number(options.get('scale'))
  if (options.has('scale') && scale > 0) spec.displayScale = scale
  const described = describedIn(source)
  const diagram: FenceDiagram = {spec, sourceLine: skip + 1, unknown: [...options.keys()].filter((key) => !KNOWN.has(key))}
  const alt = options.get('alt') ?? described.alt
  const caption = options.get('caption') ?? described.caption
  if (alt) diagram.alt = alt
  if (caption) diagram.caption = caption
  return diagram
}

/** `% alt: …` and `% caption: …` comment lines among the opening comment lines of TeX source. */
export function describedIn(source: string): Description {
  const description: Description = {}
  for (const line of source.split('\n')) {
    if (line.trim() === '') continue
    const comment = /^\s*%\s*(.*)$/.exec(line)
    if (!comment) break
    const field = /^(alt|caption)\s*:\s*(.+)$/i.exec(comment[1]!.trim())
    if (field) description[field[1]!.toLowerCase() as 'alt' | 'caption'] = field[2]!.trim()
  }
  return description
}

/** `key=value`, `key="quoted value"`, `key='…'` pairs; braces around the lot are allowed. */
export function parseAttributes(meta: string): Array<[string, string]> {
  const text = meta.trim().replace(/^\{([\s\S]*)\}$/, '$1')
  const pairs: Array<[string, string]> = []
  for (const found of text.matchAll(/([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+))/g)) {
    const quoted = found[2]?.replace(/\\(["\\])/g, '$1')
    pairs.push([found[1]!, quoted ?? found[3] ?? found[4] ?? ''])
  }
  return pairs
}

function normalise(key: string): string {
  const lower = key.toLowerCase()
  return ALIASES[lower] ?? lower
}
