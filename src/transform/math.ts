import katex from 'katex'
import 'katex/contrib/mhchem'
import {visit} from '../pipeline/visit.js'
import type {Root, Html} from 'mdast'
import type {VFile} from 'vfile'
import type {Point} from 'unist'
import {emit} from '../diagnostics/message.js'
import {escapeHtml} from '../render/layout/html.js'
import {Memo} from '../cache/memo.js'
import {markTexReferences, restoreTexReferences, trustReferenceMarkers} from './numbering/tex.js'
import type {EquationNumbering} from './numbering/targets.js'

export interface MathOptions {
  /** Macros every page starts with (`config.math.macros`). Never mutated. */
  macros: Readonly<Record<string, string>>
}

type MathNode = {type: 'math' | 'inlineMath'; value: string; position?: {start: Point; end: Point}; data?: {fenceInserted?: boolean; numbering?: EquationNumbering; display?: boolean}}

/**
 * Typeset every `math` and `inlineMath` node with KaTeX (HTML plus MathML for
 * screen readers) and replace it with a raw HTML node. One macros object per
 * page render: `\newcommand` and `\gdef` in one cell apply to the rest of that
 * page only. Errors become a `math-error` diagnostic and the source is shown
 * in an error style.
 */
export function mathTransform(tree: Root, file: VFile, options: MathOptions): void {
  const state: MacroState = {macros: {...options.macros}, signature: JSON.stringify(options.macros)}
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'math' && node.type !== 'inlineMath') || !parent || index === undefined) return
    const math = node as MathNode
    const display = math.type === 'math' || math.data?.display === true
    const replacement: Html = {type: 'html', value: numbered(math, display, typeset(math, display, state, file)), position: math.position}
    parent.children[index] = replacement as never
  })
}

/**
 * The macros in force on a page, and a signature that names them: the config's
 * macros and every macro-defining formula so far, in order, which determine them.
 */
interface MacroState {
  macros: Record<string, string>
  signature: string
}

/**
 * A labelled display equation (see the numbering transform) in a container
 * with its id, and its number beside it (`(2.3)` as link-stage tokens).
 */
function numbered(node: MathNode, display: boolean, html: string): string {
  const numbering = node.data?.numbering
  if (!display || !numbering) return html
  const number = numbering.enumerator ? `<span class="eq-number">${escapeHtml(numbering.enumerator)}</span>` : ''
  return `<div class="equation" id="${escapeHtml(numbering.id)}">${html}${number}</div>`
}

function typeset(node: MathNode, display: boolean, macros: MacroState, file: VFile): string {
  // `\eqref` and `\ref`, which KaTeX lacks, are typeset as marker links and made tokens afterwards.
  const marked = markTexReferences(adaptForKatex(node.value))
  const tex = marked.tex
  try {
    return restoreTexReferences(render(tex, display, macros), marked, escapeHtml)
  } catch (error) {
    const redefined = redefinedMacro(error)
    if (redefined) {
      emit(file, 'math-macro-redefined', `\\newcommand{${redefined}} redefines a macro KaTeX already has; treated as \\renewcommand`, {node, stage: 'math'})
      try {
        return restoreTexReferences(render(tex.replaceAll(`\\newcommand{${redefined}}`, `\\renewcommand{${redefined}}`), display, macros), marked, escapeHtml)
      } catch (retryError) {
        error = retryError
      }
    }
    return errorMarkup(node, display, error, file)
  }
}

/** KaTeX output depends only on the TeX, the mode and the macros in force; this remembers it. */
const rendered = new Memo<string>(5000)
const DEFINES_MACROS = /\\(g|e|x)?def|\\(re|provide)?newcommand|\\let|\\global|\\DeclareMathOperator/

function render(tex: string, displayMode: boolean, state: MacroState): string {
  // A formula that defines macros must run for its effect on the page's macros, so it is never memoised.
  if (DEFINES_MACROS.test(tex)) {
    const html = renderUncached(tex, displayMode, state.macros)
    state.signature += `\n${tex}`
    return html
  }
  return rendered.get(`${displayMode ? 'D' : 'I'}\0${state.signature}\0${tex}`, () => renderUncached(tex, displayMode, state.macros))
}

function renderUncached(tex: string, displayMode: boolean, macros: Record<string, string>): string {
  return katex.renderToString(tex, {
    displayMode,
    output: 'htmlAndMathml',
    throwOnError: true,
    globalGroup: true,
    macros,
    strict: 'ignore',
    trust: trustReferenceMarkers,
  })
}

function redefinedMacro(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : ''
  return /\\newcommand\{(\\[A-Za-z]+)\} attempting to redefine/.exec(message)?.[1]
}

/**
 * Rewrite what KaTeX lacks but authors write: `\label` (numbering is done
 * elsewhere) and MathJax's `\require` are dropped, `eqnarray` becomes an `rcl`
 * array, `multline` a `gather`.
 */
export function adaptForKatex(tex: string): string {
  return tex
    .replace(/\\label\{[^}]*\}/g, '')
    // MathJax loads extensions with \require; KaTeX has mhchem built in and nothing else to load.
    .replace(/\\require\{[^}]*\}/g, '')
    .replace(/\\begin\{eqnarray\*?\}/g, '\\begin{array}{rcl}')
    .replace(/\\end\{eqnarray\*?\}/g, '\\end{array}')
    .replace(/\\(begin|end)\{multline(\*?)\}/g, '\\$1{gather$2}')
}

function errorMarkup(node: MathNode, display: boolean, error: unknown, file: VFile): string {
  // KaTeX underlines the offending token with combining characters and may break lines: keep one clean line.
  const raw = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error)
  const reason = raw.replace(/\u0332/g, '').replace(/\s+/g, ' ').trim()
  const offset = (error as {position?: number}).position
  emit(file, 'math-error', `Equation could not be typeset: ${reason}`, {node, place: placeOf(node, display, offset), stage: 'math'})
  const tag = display ? 'div' : 'span'
  const source = display ? `$$${node.value}$$` : `$${node.value}$`
  return `<${tag} class="math-error" title="${escapeHtml(reason)}"><code>${escapeHtml(source)}</code></${tag}>`
}

/** Best estimate of where in the source file the KaTeX error is. */
function placeOf(node: MathNode, display: boolean, offset: number | undefined): Point | undefined {
  const start = node.position?.start
  if (!start || offset === undefined) return start
  const before = node.value.slice(0, offset)
  const newlines = before.split('\n').length - 1
  // Display math content starts on the line after `$$`; inline math one column after `$`.
  const fenceInserted = (node as {data?: {fenceInserted?: boolean}}).data?.fenceInserted === true
  const line = start.line + newlines + (display && !fenceInserted ? 1 : 0)
  const column = newlines > 0 || display ? offset - before.lastIndexOf('\n') : start.column + 1 + offset
  return {line, column, offset: undefined}
}
