import type {ElementContent, Properties} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {RichOutput} from '../../../pipeline/types.js'
import {ansiToHast} from '../ansi.js'
import {imageOutputContent} from './image-output.js'
import {asString, childrenOf} from './shared.js'

/** What goes inside `<div class="output output-<kind>">` for one rich output. */
export interface RichOutputContent {
  kind: string
  content: ElementContent[]
  /** Extra properties for the output `<div>` itself. */
  properties?: Properties
}

type Render = (state: State, node: RichOutput, cell: number | undefined) => RichOutputContent

const WIDGET_VIEW = 'application/vnd.jupyter.widget-view+json'

const byMime: Record<string, Render> = {
  'text/plain': (_, node) => text(node),
  // Trusted at this stage: notebooks are the course team's own; sanitising is a separate step.
  'text/html': (_, node) => ({kind: 'html', content: [{type: 'raw', value: asString(node.value)}]}),
  'text/markdown': (state, node) => parsed('markdown', state, node),
  'text/latex': (state, node) => parsed('latex', state, node),
  'application/json': (_, node) => ({
    kind: 'json',
    content: [h('pre', {className: ['output-json']}, [h('code', {className: ['language-json']}, json(node.value))])],
  }),
  [WIDGET_VIEW]: () => ({
    kind: 'widget',
    content: [h('p', 'Interactive output: run this notebook to see it.')],
    properties: {role: 'note'},
  }),
}

/**
 * The content of an `execute_result` / `display_data` by its MIME type:
 * text/plain (ANSI spans), text/html (raw), images, parsed text/markdown and
 * text/latex, application/json, and a placeholder for widgets. Any other type
 * is shown as plain text. `cell` is the 1-based cell number, for alt text.
 */
export function richOutputContent(state: State, node: RichOutput, cell: number | undefined): RichOutputContent {
  const mime = asString(node.mime).split(';')[0]!.trim().toLowerCase()
  if (mime.startsWith('image/')) return {kind: 'image', content: imageOutputContent(node, cell)}
  const render = Object.hasOwn(byMime, mime) ? byMime[mime] : undefined
  return render ? render(state, node, cell) : text(node)
}

function text(node: RichOutput): RichOutputContent {
  return {kind: 'text', content: [h('pre', {className: ['output-text']}, ansiToHast(asString(node.value)))]}
}

// The parser puts parsed Markdown / LaTeX in `children`; if it could not, the source is better than nothing.
function parsed(kind: string, state: State, node: RichOutput): RichOutputContent {
  const children = childrenOf(state, node)
  if (children.length > 0 || asString(node.value).trim() === '') return {kind, content: state.wrap(children, true)}
  return {kind, content: [h('pre', {className: ['output-text']}, asString(node.value))]}
}

function json(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value, null, 2) ?? ''
  } catch {
    return ''
  }
}
