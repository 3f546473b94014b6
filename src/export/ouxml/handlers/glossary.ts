import type {Parents} from 'mdast'
import type {Glossary} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {text} from './shared.js'

/**
 * `glossary` → for each entry, a paragraph of its terms in bold, then its
 * definition. (The schema allows a `Glossary` only in a unit's back matter,
 * not inside a session.)
 */
export function glossaryHandler(state: State, node: Glossary): XmlNode[] {
  const out: XmlElement[] = []
  for (const entry of Array.isArray(node.children) ? node.children : []) {
    if (entry?.type !== 'glossaryEntry') continue
    const terms = state.text(entry.terms.join('; '), entry)
    out.push(state.element('Paragraph', {}, [state.element('b', {}, text(terms))], entry))
    out.push(...state.flow(entry.children, entry as unknown as Parents))
  }
  return out
}
