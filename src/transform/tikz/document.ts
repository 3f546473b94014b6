import {impliedPackages, type TikzSpec} from './spec.js'

export type EngineName = 'tikzjax' | 'latex'

/** A complete TeX input for one engine, and where the author's source sits in it. */
export interface TexDocument {
  text: string
  /** 1-based line of `text` holding the first line of `spec.source`. */
  sourceLine: number
}

/**
 * node-tikzjax's driver (pgfsys-ximera) refuses SVG definitions, so hatching
 * (`pattern=…`) points at patterns that are never written. Writing the
 * definitions inline where they are declared is valid SVG and renders.
 */
const TIKZJAX_DEFS_FIX = String.raw`\makeatletter\def\pgf@sys@svg@make@defs#1#2{\pgfsys@invoke{<defs>#2</defs>}}\def\pgf@sys@svg@ref@defs#1{}\makeatother`

/** For `latex` + `dvisvgm`: pgf's dvisvgm driver, so that hatching, shading and text survive the DVI. */
const LATEX_DRIVER = String.raw`\def\pgfsysdriver{pgfsys-dvisvgm.def}`

const DOCUMENT_CLASS = /\\documentclass\s*(\[[^\]]*\])?\s*\{[^}]*\}/

/**
 * Assemble the TeX input for `engine`. node-tikzjax runs a preloaded LaTeX
 * format (standalone class, TikZ loaded), so its input starts at the
 * preamble; `latex` gets a whole `standalone` document. A standalone
 * document keeps its own preamble: its `\documentclass` is blanked in place
 * (tikzjax) or moved to the top (latex), so line numbers still match the
 * source. `extraPreamble` is the config's `tikz.preamble`.
 */
export function buildDocument(spec: TikzSpec, engine: EngineName, extraPreamble = ''): TexDocument {
  const head: string[] = []
  if (engine === 'tikzjax') head.push(TIKZJAX_DEFS_FIX)
  if (spec.wrap === 'standalone') return standaloneDocument(spec.source, engine, head, extraPreamble)

  if (engine === 'latex') head.push(LATEX_DRIVER, String.raw`\documentclass{standalone}`)
  if (spec.tikz && engine === 'latex') head.push(String.raw`\usepackage{tikz}`)
  for (const pkg of spec.packages) head.push(`\\usepackage${pkg.options ? `[${pkg.options}]` : ''}{${pkg.name}}`)
  for (const name of impliedPackages(spec)) head.push(`\\usepackage{${name}}`)
  if (spec.libraries.length > 0) head.push(`\\usetikzlibrary{${spec.libraries.join(',')}}`)
  if (spec.pgfplotsLibraries.length > 0) head.push(`\\usepgfplotslibrary{${spec.pgfplotsLibraries.join(',')}}`)
  head.push(...lines(extraPreamble), ...lines(spec.preamble), String.raw`\begin{document}`)
  if (spec.wrap === 'picture') {
    head.push(spec.pictureScale !== undefined && spec.pictureScale !== 1 ? `\\begin{tikzpicture}[scale=${spec.pictureScale}]` : String.raw`\begin{tikzpicture}`)
  }
  const tail = spec.wrap === 'picture' ? [String.raw`\end{tikzpicture}`, String.raw`\end{document}`] : [String.raw`\end{document}`]
  return {text: [...head, spec.source.replace(/\s+$/, ''), ...tail, ''].join('\n'), sourceLine: head.length + 1}
}

function standaloneDocument(source: string, engine: EngineName, head: string[], extraPreamble: string): TexDocument {
  const found = DOCUMENT_CLASS.exec(source)
  const documentClass = found?.[0] ?? ''
  // Blank the \documentclass where it was, keeping its line breaks.
  let body = found ? source.slice(0, found.index) + documentClass.replace(/[^\n]/g, '') + source.slice(found.index + documentClass.length) : source
  if (engine === 'tikzjax') {
    // LaTeX reads UTF-8 by default since 2018; node-tikzjax has no inputenc.sty to load.
    body = body.replace(/\\usepackage\s*\[\s*utf8x?\s*\]\s*\{inputenc\}/g, '')
  } else {
    head.push(LATEX_DRIVER + documentClass.replace(/\s*\n\s*/g, ' '))
  }
  head.push(...lines(extraPreamble))
  return {text: [...head, body.replace(/\s+$/, ''), ''].join('\n'), sourceLine: head.length + 1}
}

function lines(text: string): string[] {
  const trimmed = text.replace(/^\s*\n|\s+$/g, '')
  return trimmed ? trimmed.split(/\r?\n/) : []
}
