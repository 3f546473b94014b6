import type {FootnoteReference, Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {text} from './shared.js'

const open = new WeakSet<State>()

/**
 * `footnoteReference` (`[^1]`) → `footnote` holding the text of its
 * definition where the reference stands (paragraphs separated by a line
 * break). Titles cannot hold footnotes, so there it is left out.
 */
export function footnoteReferenceHandler(state: State, node: FootnoteReference): XmlNode[] {
  const definition = state.footnotes.get(node.identifier)
  if (!definition || state.inTitle || open.has(state)) return []
  // A footnote that refers to a footnote would recurse; the inner one is left out.
  open.add(state)
  const content = definition.children.flatMap((child, i): XmlNode[] => {
    const separator: XmlNode[] = i > 0 ? [{type: 'element', name: 'br'}] : []
    const body = child.type === 'paragraph' ? state.inlines(child) : text(state.text(toString(child as Nodes), child as Nodes))
    return [...separator, ...body]
  })
  open.delete(state)
  return [state.element('footnote', {}, content)]
}
