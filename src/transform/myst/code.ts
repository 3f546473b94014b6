import type {Code, RootContent} from 'mdast'
import type {Math} from 'mdast-util-math'
import type {CourseFigure, MystDirective} from '../../pipeline/types.js'
import {labelOf, origin, parseInline, report, type DirectiveHandler, type MystContext} from './context.js'

// Kernel names MyST-NB writes where a highlighter wants a language.
const LANGUAGES: Readonly<Record<string, string>> = {ipython3: 'python', ipython: 'python', python3: 'python'}

// Cell tags that take a `{code-cell}` (or its source) off the page.
const REMOVED = /\b(remove-cell|remove-input)\b/

/**
 * `{code-block} python` (and `{code}`, `{sourcecode}`, `{code-cell}`): a
 * code block of that language (a `{code-cell}` without one takes the
 * page's kernel language). With `:caption:` or `:name:` it is a numbered
 * listing (`courseFigure` of kind `code`). A `{code-cell}` tagged
 * `remove-cell` or `remove-input` is left out, as Jupyter Book does (a
 * Markdown page has no saved outputs to show instead).
 */
export const codeDirective: DirectiveHandler = (directive, context) => {
  if (directive.name === 'code-cell' && REMOVED.test(directive.options.tags ?? '')) return []
  const [word] = directive.args.split(/\s+/)
  const language = word || (directive.name === 'code-cell' ? context.file.data.coursebook?.language : undefined)
  const code: Code = {type: 'code', lang: language ? (LANGUAGES[language.toLowerCase()] ?? language) : null, meta: null, value: directive.value, ...origin(directive)}
  return [captioned(code, 'code', directive, context)]
}

/** `{math}`: a display equation; `:label:` (or `:name:`) labels it for `{eq}` references. */
export const mathDirective: DirectiveHandler = (directive) => {
  const math: Math = {type: 'math', meta: null, value: directive.value, ...origin(directive)}
  const label = labelOf(directive)
  if (label) math.data = {...math.data, label}
  return [math as RootContent]
}

/**
 * `{mermaid}`: shown as its source (a `mermaid` code block) with an info
 * diagnostic, since drawing it needs a browser. A caption makes it a figure.
 */
export const mermaidDirective: DirectiveHandler = (directive, context) => {
  report(context, 'mermaid-unrendered', 'The {mermaid} diagram is shown as its source: coursebook cannot draw Mermaid diagrams without a browser', directive)
  const code: Code = {type: 'code', lang: 'mermaid', meta: null, value: directive.value, ...origin(directive)}
  return [captioned(code, 'figure', directive, context)]
}

/** `node` alone, or in a `courseFigure` of `kind` when the directive gives a `:caption:` or a `:name:`. */
function captioned(node: RootContent, kind: CourseFigure['kind'], directive: MystDirective, context: MystContext): RootContent {
  const caption = directive.options.caption?.trim() ?? ''
  const label = labelOf(directive)
  if (!caption && !label) return node
  const figure: CourseFigure = {type: 'courseFigure', kind, caption: parseInline(caption, directive, context), children: [node], ...origin(directive)}
  if (label) figure.label = label
  return figure
}

/**
 * `{tikz}` (sphinxcontrib-tikz): back to the ```` ```{tikz} ```` fence the
 * TikZ transform draws, its options as `:key: value` lines, its argument as
 * the caption (or as fence attributes when written `key=value`). The TeX
 * keeps the line it had, so TeX errors point at the right line.
 */
export const tikzDirective: DirectiveHandler = (directive) => {
  const lines = Object.entries(directive.options).map(([key, value]) => `:${key}: ${value}`)
  const attributes = /\w\s*=/.test(directive.args) ? directive.args : ''
  if (directive.args && !attributes && !('caption' in directive.options)) lines.push(`:caption: ${directive.args}`)
  const before = (directive.data?.mystBodyLine ?? 1) - 1
  while (lines.length < before) lines.push('')
  const code: Code = {type: 'code', lang: '{tikz}', meta: attributes || null, value: [...lines, directive.value].join('\n'), ...origin(directive)}
  return [code]
}
