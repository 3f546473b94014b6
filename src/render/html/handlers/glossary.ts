import type {Element, ElementContent} from 'hast'
import type {Parents} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import type {Glossary} from '../../../pipeline/types.js'
import {termId} from '../../../transform/numbering/glossary.js'

/**
 * `glossary` → `<dl class="glossary">`: each entry's terms as `<dt>` (with
 * the id references to the term link to, `term-<slug>`), then its
 * definition as one `<dd>`.
 */
export function glossaryHandler(state: State, node: Glossary): Element {
  const items: ElementContent[] = []
  for (const entry of Array.isArray(node.children) ? node.children : []) {
    if (entry?.type !== 'glossaryEntry') continue
    for (const term of entry.terms) {
      items.push({type: 'element', tagName: 'dt', properties: {id: termId(term)}, children: [{type: 'text', value: term}]})
    }
    const definition = state.all(entry as unknown as Parents)
    items.push({type: 'element', tagName: 'dd', properties: {}, children: state.wrap(definition, true)})
  }
  const list: Element = {type: 'element', tagName: 'dl', properties: {className: ['glossary']}, children: state.wrap(items, true)}
  state.patch(node, list)
  return list
}
