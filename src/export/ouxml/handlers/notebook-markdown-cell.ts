import type {NotebookMarkdownCell} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'

/**
 * `notebookMarkdownCell` → its Markdown content. (At the top of a page the
 * cell's headings also open sections: see `sections.ts`.)
 */
export function notebookMarkdownCellHandler(state: State, node: NotebookMarkdownCell): XmlNode[] {
  return state.blocks(node)
}
