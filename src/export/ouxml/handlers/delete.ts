import type {Delete} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'

/** `delete` (`~~text~~`): OU-XML has no strikethrough, so the text is kept plain, with a note. */
export function deleteHandler(state: State, node: Delete): XmlNode[] {
  state.warn('ouxml-dropped', 'Strikethrough has no OU-XML counterpart; the text is kept without it', node)
  return state.inlines(node)
}
