import type {Heading} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'

/**
 * A `heading` that does not start a section (one inside a box, quote or
 * list) → `SubHeading` (levels 1 to 3) or `SubSubHeading`. Headings at the
 * top of a page make the sections (see `sections.ts`).
 */
export function headingHandler(state: State, node: Heading): XmlNode[] {
  return [state.element(node.depth <= 3 ? 'SubHeading' : 'SubSubHeading', {}, state.titleContent(node), node)]
}
