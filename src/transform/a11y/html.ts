import type {Html, Parent} from 'mdast'
import {toString as toMarkdownText} from 'mdast-util-to-string'
import type {Element, Root as HastRoot} from 'hast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fromHtml} from 'hast-util-from-html'
import {emit} from '../../diagnostics/message.js'
import {checkAltText} from './alt-text.js'
import {checkLinkText} from './link-text.js'

const INTERESTING = /<(img|table|a)\b/i

/**
 * Check raw HTML the author wrote in Markdown: `<img>` without an `alt`
 * attribute (`alt=""` marks an image as decorative and is fine), `<table>`
 * without a header cell, and `<a href>` with vague text. `run` is a sequence of
 * adjacent HTML nodes of one parent, parsed together because Markdown splits
 * an HTML block at blank lines. Places are the node's line plus the line
 * within the HTML.
 */
export function checkHtml(file: VFile, run: Html[]): void {
  checkSource(file, joinKeepingLines(run), run[0]!, run[0]!.position)
}

/**
 * Check the inline HTML of a paragraph (or heading, table cell): Markdown
 * cuts `<a href="…">text</a>` into an HTML node, a text node and another HTML
 * node, so the paragraph is put back together, its other content as text.
 */
export function checkInlineHtml(file: VFile, parent: Parent): void {
  const first = parent.children.find((child): child is Html => child.type === 'html')
  if (!first) return
  const source = parent.children.map((child) => (child.type === 'html' ? child.value : escapeHtml(toMarkdownText(child)))).join('')
  // Columns after Markdown that is not HTML are approximate; lines are kept.
  checkSource(file, source, first, parent.children[0]?.position)
}

/** Check an HTML fragment; `first` is the node messages are attached to, `base` where the fragment starts in the file. */
function checkSource(file: VFile, source: string, first: Html, base: Position | undefined): void {
  if (!INTERESTING.test(source)) return
  const tree = fromHtml(source, {fragment: true})
  const at = (element: Element) => ({node: first, place: placeOf(base, element)})
  visitElements(tree, (element) => {
    if (element.tagName === 'img') {
      const alt = element.properties.alt
      // `alt=""` is how HTML marks an image as decoration: only an absent attribute is missing alt text.
      if (alt === undefined || alt === null) checkAltText(file, undefined, 'An HTML image', at(element))
      else if (String(alt).trim() !== '') checkAltText(file, String(alt), 'An HTML image', at(element))
    } else if (element.tagName === 'table' && !hasHeaderCell(element)) {
      emit(file, 'table-header-missing', 'The HTML table has no header cells (<th>), so its columns have no names', {...at(element), stage: 'a11y'})
    } else if (element.tagName === 'a' && element.properties.href !== undefined) {
      const label = element.properties.ariaLabel
      checkLinkText(file, label ? String(label) : textWithAlt(element), at(element))
    }
  })
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

/** The nodes' HTML joined with as many line breaks as separate them in the source, so lines stay where they were. */
function joinKeepingLines(run: Html[]): string {
  let text = run[0]!.value
  for (let i = 1; i < run.length; i++) {
    const gap = (run[i]!.position?.start.line ?? 0) - (run[i - 1]!.position?.end.line ?? 0)
    text += '\n'.repeat(Math.max(1, gap)) + run[i]!.value
  }
  return text
}

function visitElements(node: HastRoot | Element, visitor: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    visitor(child)
    visitElements(child, visitor)
  }
}

function hasHeaderCell(table: Element): boolean {
  let found = false
  visitElements(table, (element) => {
    if (element.tagName === 'th') found = true
  })
  return found
}

/** A link's text as a screen reader gives it: its text, with images standing for their alt text. */
function textWithAlt(element: Element): string {
  return element.children
    .map((child) => {
      if (child.type === 'text') return child.value
      if (child.type !== 'element') return ''
      return child.tagName === 'img' ? ` ${String(child.properties.alt ?? '')} ` : textWithAlt(child)
    })
    .join('')
}

/** The place of an element inside an HTML fragment: the fragment's start line plus the element's line in it. */
function placeOf(base: Position | undefined, element: Element): Position | undefined {
  const start = base?.start
  const inner = element.position?.start
  if (!start || !inner) return base
  const line = start.line + inner.line - 1
  const column = inner.line === 1 ? start.column + inner.column - 1 : inner.column
  return {start: {line, column}, end: {line, column}}
}
