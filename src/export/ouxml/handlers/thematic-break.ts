import type {ThematicBreak} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'

/** `thematicBreak` (`---`): OU-XML has no rule between blocks; left out, with a note. */
export function thematicBreakHandler(state: State, node: ThematicBreak): XmlNode[] {
  state.warn('ouxml-dropped', 'A thematic break (---) has no OU-XML counterpart and was left out', node)
  return []
}
