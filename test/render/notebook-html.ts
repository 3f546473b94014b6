import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Root, RootContent} from 'mdast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {toHast} from 'mdast-util-to-hast'
import type {VFile} from 'vfile'
import type {
  CellData,
  ErrorOutput,
  NotebookCodeCell,
  NotebookMarkdownCell,
  NotebookOutput,
  NotebookRawCell,
  RichOutput,
  StreamOutput,
} from '../../src/pipeline/types.js'
import {notebookHandlers} from '../../src/render/html/handlers/index.js'

/** Render mdast through the notebook handlers to an HTML string and parse it back as a fragment. */
export function render(children: RootContent[], file?: VFile): HastRoot {
  return fromHtml(renderToString(children, file), {fragment: true})
}

/** The HTML string the handlers produce for `children`. */
export function renderToString(children: RootContent[], file?: VFile): string {
  const tree: Root = {type: 'root', children}
  const hast = toHast(tree, {handlers: notebookHandlers, allowDangerousHtml: true, file})
  return toHtml(hast, {allowDangerousHtml: true})
}

/** Text content of a hast node, like the DOM's `textContent`. */
export function textOf(node: HastRoot | HastContent | undefined): string {
  if (!node) return ''
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => textOf(child as HastContent)).join('')
  return ''
}

/** Class list of an element. */
export function classesOf(node: Element | undefined): string[] {
  const value = node?.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

// What the parser puts on every node from a notebook.
function cellData(cell: number): CellData {
  return {cell}
}

/** A code cell (cell 3, `[3]:`, Python) with `fields` overriding the defaults. */
export function codeCell(fields: Partial<NotebookCodeCell> = {}): NotebookCodeCell {
  return {
    type: 'notebookCodeCell',
    index: 2,
    source: 'print(1)',
    language: 'python',
    executionCount: 3,
    tags: [],
    hidden: {input: false, output: false},
    children: [],
    data: cellData(fields.index ?? 2),
    ...fields,
  }
}

/** A Markdown cell (cell 1) with one paragraph, `fields` overriding the defaults. */
export function markdownCell(fields: Partial<NotebookMarkdownCell> = {}): NotebookMarkdownCell {
  return {
    type: 'notebookMarkdownCell',
    index: 0,
    tags: [],
    hidden: {input: false},
    children: [{type: 'paragraph', children: [{type: 'text', value: 'Some prose.'}]}],
    data: cellData(fields.index ?? 0),
    ...fields,
  }
}

/** A raw cell (cell 2) with no format, `fields` overriding the defaults. */
export function rawCell(fields: Partial<NotebookRawCell> = {}): NotebookRawCell {
  return {type: 'notebookRawCell', index: 1, format: '', tags: [], value: 'raw text', data: cellData(fields.index ?? 1), ...fields}
}

/** A stream output. */
export function stream(value: string, name: StreamOutput['name'] = 'stdout'): StreamOutput {
  return {type: 'notebookOutput', outputType: 'stream', name, value}
}

/** An error output (ValueError), `fields` overriding the defaults. */
export function error(fields: Partial<ErrorOutput> = {}): ErrorOutput {
  return {type: 'notebookOutput', outputType: 'error', ename: 'ValueError', evalue: 'bad', value: 'Traceback\nValueError: bad', ...fields}
}

/** A `display_data` output of one MIME type, `fields` overriding the defaults. */
export function rich(mime: string, value: string, fields: Partial<RichOutput> = {}): RichOutput {
  return {type: 'notebookOutput', outputType: 'display_data', mime, value, metadata: {}, children: [], ...fields}
}

/** A code cell holding `outputs`, rendered and parsed back. */
export function renderOutputs(...outputs: NotebookOutput[]): HastRoot {
  return render([codeCell({children: outputs})])
}
