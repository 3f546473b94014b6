import type {Element, Text} from 'hast'
import type {State} from 'mdast-util-to-hast'
import type {MystRole} from '../../../pipeline/types.js'

/**
 * `mystRole` → `<sub>`/`<sup>` for the `sub` and `sup` roles, which the
 * MyST transform leaves for the renderers; any other role still here (the
 * leftovers step normally turned it into text, with a warning) → its text.
 */
export function mystRoleHandler(state: State, node: MystRole): Element | Text {
  const text: Text = {type: 'text', value: typeof node.value === 'string' ? node.value : ''}
  if (node.name !== 'sub' && node.name !== 'sup') return text
  const element: Element = {type: 'element', tagName: node.name, properties: {}, children: [text]}
  state.patch(node, element)
  return element
}
