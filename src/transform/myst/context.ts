import type {PhrasingContent, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {Position} from 'unist'
import type {CellData, CourseFigure, MystDirective} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'
import type {RuleId} from '../../diagnostics/rule-ids.js'

/** What the MyST transform needs from the page pipeline. */
export interface MystOptions {
  /** The Markdown parser the page was parsed with (MyST syntax included), for included files and titles. */
  parseMarkdown(source: string): RootContent[]
  /** Absolute path of the content folder: nothing outside it is included. */
  contentPath: string
  /** Applied to included content on a page that is not trusted, as the page itself was before. */
  sanitize?: (tree: Root) => void
}

/** The state of one page's MyST transform. */
export interface MystContext {
  file: VFile
  options: MystOptions
  /** The files being included, outermost (the page) first, to detect cycles. */
  chain: string[]
  /** Convert the directives and roles inside content a handler parsed (an included file, a title, a definition). */
  transform(tree: Root): void
}

/** Turns one directive into what replaces it in the tree; undefined leaves it for a later transform. */
export type DirectiveHandler = (directive: MystDirective, context: MystContext) => RootContent[] | undefined

/** Report a problem with a directive at its place. */
export function report(context: MystContext, rule: RuleId, reason: string, node: MystDirective | RootContent): void {
  emit(context.file, rule, reason, {node, stage: 'myst'})
}

/**
 * Markdown written on one line (a title, a caption argument) as phrasing
 * content, its roles converted, placed on the directive's opening line.
 */
export function parseInline(text: string, directive: MystDirective, context: MystContext): PhrasingContent[] {
  if (!text.trim()) return []
  const blocks = context.options.parseMarkdown(text)
  const first = blocks[0]
  const content: PhrasingContent[] = first?.type === 'paragraph' && blocks.length === 1 ? first.children : [{type: 'text', value: text}]
  // Roles in the title are converted as the body's were.
  context.transform({type: 'root', children: [{type: 'paragraph', children: content}]})
  const stamp = (node: {position?: unknown; data?: unknown; children?: unknown}) => {
    if (directive.position) node.position = {start: {...directive.position.start}, end: {...directive.position.start}}
    else delete node.position
    if (directive.data?.cell !== undefined) node.data = {...(node.data as object), cell: directive.data.cell}
    if (Array.isArray(node.children)) node.children.forEach(stamp)
  }
  content.forEach(stamp)
  return content
}

// A CSS length as Sphinx accepts it: a number with an optional unit (a bare number is pixels).
const LENGTH = /^(\d+(?:\.\d+)?|\.\d+)\s*(px|%|em|rem|ex|ch|pt|pc|cm|mm|in|vw|vh)?$/

/** A directive's width option as CSS, or undefined (reported) when it is not a length. */
export function cssLength(value: string | undefined, option: string, directive: MystDirective, context: MystContext): string | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const match = LENGTH.exec(value.trim())
  if (match) return `${match[1]}${match[2] ?? 'px'}`
  report(context, 'directive-option-invalid', `The :${option}: option of {${directive.name}} must be a length such as 400px or 80%, not "${value}"; it was ignored`, directive)
  return undefined
}

/** A directive's `:align:` option, or undefined (reported) when it is not left, center or right. */
export function alignment(directive: MystDirective, context: MystContext): 'left' | 'center' | 'right' | undefined {
  const value = directive.options.align?.trim().toLowerCase()
  if (!value) return undefined
  if (value === 'left' || value === 'center' || value === 'right') return value
  report(context, 'directive-option-invalid', `The :align: option of {${directive.name}} must be left, center or right, not "${directive.options.align}"; it was ignored`, directive)
  return undefined
}

/** The classes of a `:class:` option. */
export function classes(directive: MystDirective): string[] {
  return (directive.options.class ?? '').split(/\s+/).filter(Boolean)
}

/** Source position and notebook cell of a directive, for the nodes made from it. */
export function origin(directive: MystDirective): {position?: Position; data?: CellData} {
  const result: {position?: Position; data?: CellData} = {}
  if (directive.position) result.position = directive.position
  if (directive.data?.cell !== undefined) result.data = {cell: directive.data.cell}
  return result
}

/** The label a directive gives itself: `:name:` (Sphinx, Jupyter Book 1) or `:label:` (mystmd). */
export function labelOf(directive: MystDirective): string | undefined {
  return (directive.options.name ?? directive.options.label)?.trim() || undefined
}

/**
 * Give a captioned block the options figures and tables share: its label,
 * a width (from the `widthOption` option), an alignment and classes.
 */
export function frameFigure(figure: CourseFigure, directive: MystDirective, context: MystContext, widthOption: 'width' | 'figwidth'): CourseFigure {
  const label = labelOf(directive)
  if (label) figure.label = label
  const width = cssLength(directive.options[widthOption], widthOption, directive, context)
  if (width) figure.width = width
  const align = alignment(directive, context)
  if (align) figure.align = align
  const names = classes(directive)
  if (names.length > 0) figure.data = {...figure.data, hProperties: {className: names}}
  return figure
}
