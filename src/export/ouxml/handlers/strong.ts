import type {Strong} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'

/** `strong` (`**text**`) → `b`. */
export function strongHandler(state: State, node: Strong): XmlNode[] {
  return [state.element('b', {}, state.inlines(node))]
}
