import {visit, SKIP} from '../pipeline/visit.js'
import type {Root, Paragraph, Text} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {VFile} from 'vfile'
import type {} from 'mdast-util-to-hast'
import {toString} from 'mdast-util-to-string'
import {emit} from '../diagnostics/message.js'

/** Admonition kinds and their default titles. */
export const ADMONITIONS: Readonly<Record<string, string>> = {
  note: 'Note',
  tip: 'Tip',
  hint: 'Hint',
  warning: 'Warning',
  important: 'Important',
  caution: 'Caution',
  attention: 'Attention',
  danger: 'Danger',
  error: 'Error',
  seealso: 'See also',
}

/**
 * Give directives their HTML shape. `:::note` (and the other admonitions)
 * becomes `<aside class="admonition note" role="note">` with a title paragraph
 * (the `[label]` if given). An unknown container directive keeps its content
 * with a warning. Text and leaf directives are rarely meant as directives
 * (`ratio 3:1`, `key:value`), so unknown ones go back to their source text.
 */
export function directivesTransform(tree: Root, file: VFile): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'containerDirective') {
      shapeContainer(node, file)
      return
    }
    if ((node.type === 'textDirective' || node.type === 'leafDirective') && parent && index !== undefined) {
      const text: Text = {type: 'text', value: sourceText(node)}
      if (node.type === 'leafDirective') parent.children[index] = {type: 'paragraph', children: [text]} as Paragraph
      else parent.children[index] = text
      return SKIP
    }
  })
}

/**
 * Shape one container directive in place: an admonition (or `admonition`)
 * becomes an `aside` with its title paragraph first (the `[label]`, or the
 * kind's default title); anything else a `div` with a `directive-unknown`
 * warning. The MyST admonitions reuse this.
 */
export function shapeContainer(node: ContainerDirective, file: VFile): void {
  const kind = node.name.toLowerCase()
  const first = node.children[0]
  const label = first?.type === 'paragraph' && first.data && 'directiveLabel' in first.data ? first : undefined
  const defaultTitle = ADMONITIONS[kind]
  if (kind === 'admonition' || defaultTitle) {
    const title: Paragraph = label ?? {type: 'paragraph', children: [{type: 'text', value: defaultTitle ?? 'Note'}]}
    title.data = {...title.data, hProperties: {className: ['admonition-title']}}
    if (!label) node.children.unshift(title)
    const extra = typeof node.attributes?.class === 'string' ? node.attributes.class.split(/\s+/) : []
    node.data = {hName: 'aside', hProperties: {className: ['admonition', kind === 'admonition' ? 'note' : kind, ...extra], role: 'note'}}
    return
  }
  emit(file, 'directive-unknown', `Unknown directive ":::${node.name}"; its content is shown as ordinary text`, {node, stage: 'directives'})
  node.data = {hName: 'div', hProperties: {className: ['directive', `directive-${kind}`]}}
}

/**
 * The Markdown a directive was written as, rebuilt from the node (positions
 * cannot be used: in notebooks they are relative to a cell, not the file).
 */
function sourceText(node: TextDirective | LeafDirective): string {
  const prefix = node.type === 'leafDirective' ? '::' : ':'
  const label = node.children.length > 0 ? `[${toString(node)}]` : ''
  const attributes = Object.entries(node.attributes ?? {})
  const attrs = attributes.length > 0 ? `{${attributes.map(([k, v]) => (v ? `${k}="${v}"` : k)).join(' ')}}` : ''
  return prefix + node.name + label + attrs
}
