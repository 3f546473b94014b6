import type {Emphasis} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'

/** `emphasis` (`*text*`) → `i`. */
export function emphasisHandler(state: State, node: Emphasis): XmlNode[] {
  return [state.element('i', {}, state.inlines(node))]
}
