/**
 * A TikZ diagram as the page asks for it, whatever it was written as (a
 * fence, a `%%tikz` cell in one of three dialects, a standalone document):
 * the input to the document builder and to the cache key.
 */
export interface TikzSpec {
  /** The TeX as written, without the magic line or option lines. */
  source: string
  /**
   * How `source` becomes a document: `picture` wraps it in a `tikzpicture`,
   * `document` puts it straight into the document body (it has its own
   * `tikzpicture`, `circuitikz`…), `standalone` means it is a complete LaTeX
   * document (`\documentclass … \begin{document}`) used as it is.
   */
  wrap: 'picture' | 'document' | 'standalone'
  packages: TexPackage[]
  libraries: string[]
  pgfplotsLibraries: string[]
  /** LaTeX added to the preamble after the packages and libraries. */
  preamble: string
  /** Load TikZ itself (jupyter-tikz `--no-tikz` turns it off). */
  tikz: boolean
  /** `scale` of the wrapping `tikzpicture` (coordinates only, not text). */
  pictureScale?: number
  /** Factor applied to the finished SVG's size (everything, text included). */
  displayScale?: number
  /** Fit the SVG inside this box (CSS pixels), keeping its proportions. */
  size?: {width: number; height: number}
}

export interface TexPackage {
  name: string
  options?: string
}

/** A spec with nothing set but its source and wrapping. */
export function emptySpec(source: string, wrap: TikzSpec['wrap']): TikzSpec {
  return {source, wrap, packages: [], libraries: [], pgfplotsLibraries: [], preamble: '', tikz: true}
}

const DOCUMENT_CLASS = /^[ \t]*\\documentclass\b/m
const PICTURE_ENVIRONMENT = /\\begin\{(tikzpicture|circuitikz|tikzcd)\}/

/** The wrapping a source needs, judged from its content: a full document, a picture environment, or picture commands. */
export function wrapFor(source: string): TikzSpec['wrap'] {
  if (DOCUMENT_CLASS.test(stripComments(source)) && /\\begin\{document\}/.test(source)) return 'standalone'
  return PICTURE_ENVIRONMENT.test(stripComments(source)) ? 'document' : 'picture'
}

// Environments and commands whose package authors often leave out of fences and magics.
const IMPLIED_PACKAGES: Array<[RegExp, string]> = [
  [/\\begin\{(axis|semilogxaxis|semilogyaxis|loglogaxis|polaraxis|groupplot)\}|\\addplot\b/, 'pgfplots'],
  [/\\begin\{circuitikz\}/, 'circuitikz'],
  [/\\begin\{tikzcd\}/, 'tikz-cd'],
  [/\\chemfig\b/, 'chemfig'],
  [/\\tdplotsetmaincoords\b/, 'tikz-3dplot'],
]

/** Packages the source evidently needs but the spec does not load (never for standalone documents). */
export function impliedPackages(spec: TikzSpec): string[] {
  if (spec.wrap === 'standalone') return []
  const loaded = new Set(spec.packages.map((p) => p.name))
  const text = stripComments(spec.source) + '\n' + spec.preamble
  return IMPLIED_PACKAGES.filter(([pattern, name]) => !loaded.has(name) && !text.includes(`{${name}}`) && pattern.test(text)).map(([, name]) => name)
}

/** TeX source without `%` comments (an escaped `\%` is kept). Line structure is preserved. */
export function stripComments(tex: string): string {
  return tex.replace(/(^|[^\\])%.*$/gm, '$1')
}

/** Split `a,b,[opt]c` at top-level commas, trimming; brackets and braces protect commas. */
export function splitList(value: string): string[] {
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const char of value) {
    if (char === '[' || char === '{') depth++
    if (char === ']' || char === '}') depth = Math.max(0, depth - 1)
    if (char === ',' && depth === 0) {
      items.push(current)
      current = ''
    } else current += char
  }
  items.push(current)
  return items.map((item) => item.trim()).filter(Boolean)
}

/** Packages from a list such as `pgfplots,[americanvoltages]circuitikz` or `siunitx[per-mode=symbol]`. */
export function parsePackages(value: string): TexPackage[] {
  return splitList(value).map((item) => {
    const before = /^\[([^\]]*)\]\s*(.+)$/.exec(item)
    if (before) return {name: before[2]!.trim(), options: before[1]}
    const after = /^([^[]+)\[([^\]]*)\]$/.exec(item)
    if (after) return {name: after[1]!.trim(), options: after[2]}
    return {name: item}
  })
}
