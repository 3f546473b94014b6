import type {Code, RootContent} from 'mdast'
import type {MystDirective} from '../../pipeline/types.js'
import {splitOptions} from './options.js'
import {shiftPositions} from './positions.js'

declare module '../../pipeline/types.js' {
  interface CellData {
    /** On a `mystDirective` whose YAML options could not be read: why (reported by the MyST transform). */
    mystOptionsError?: string
    /** On a `mystDirective`: how many lines below the opening fence its body (`value`) starts. */
    mystBodyLine?: number
  }
}

/** Parse a directive body as Markdown; positions count from the body's first line. */
export type ParseBody = (source: string, depth: number) => RootContent[]

/**
 * Directives whose body is not Markdown: code (the OU's `ou-codestyle`
 * too), math, diagrams (TikZ, Mermaid) and glossary entries. Their body is
 * kept in `value` only.
 */
const RAW_BODY = new Set(['code', 'code-block', 'sourcecode', 'code-cell', 'math', 'mermaid', 'glossary', 'raw', 'csv-table', 'literalinclude', 'ou-codestyle', 'tikz'])

/**
 * How deeply directives may nest inside each other before a fence is left
 * as a code block. Real books nest two or three; every level costs a parse
 * of its body.
 */
export const MAX_DIRECTIVE_DEPTH = 24

// `{name}` (the fence's first word), possibly with more of the info string glued to it.
const NAME = /^\{([A-Za-z0-9][\w.:+-]*)\}(.*)$/

/**
 * The `mystDirective` a code fence such as ```` ```{note} Title ```` stands
 * for, or undefined for ordinary code. The body is parsed (except for the
 * directives in `RAW_BODY`) with `parseBody`, one level deeper, and its
 * positions moved to the lines (and indentation) it has in the source.
 */
export function directiveFromCode(code: Code, depth: number, parseBody: ParseBody): MystDirective | undefined {
  const match = NAME.exec(code.lang ?? '')
  if (!match || depth >= MAX_DIRECTIVE_DEPTH) return undefined
  const name = match[1]!.toLowerCase()
  const content = splitOptions(code.value)
  const directive: MystDirective = {
    type: 'mystDirective',
    name,
    args: `${match[2]!} ${code.meta ?? ''}`.trim(),
    options: content.options,
    value: content.body,
    children: [],
  }
  if (code.position) directive.position = code.position
  directive.data = {...code.data, mystBodyLine: content.bodyLine}
  if (content.error) directive.data.mystOptionsError = content.error
  if (!RAW_BODY.has(name) && content.body.trim() !== '') {
    directive.children = parseBody(content.body, depth + 1)
    const start = code.position?.start
    // Body line 1 is content line `bodyLine`, and content line 1 is the line after the opening fence.
    if (start) shiftPositions(directive.children, start.line + content.bodyLine - 1, start.column - 1)
  }
  return directive
}
