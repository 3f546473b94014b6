import type {NotebookCodeCell} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {listing} from './shared.js'

/**
 * `notebookCodeCell` → its source as a `ProgramListing` (one `Paragraph` per
 * line; none when the input was removed or is empty), then its outputs.
 * Hidden parts are shown: OU-XML has nothing to collapse them with.
 */
export function notebookCodeCellHandler(state: State, node: NotebookCodeCell): XmlNode[] {
  const out: XmlNode[] = []
  const source = typeof node.source === 'string' ? node.source : ''
  if (node.display?.input !== 'remove' && source.trim()) out.push(listing(state, 'ProgramListing', source, node))
  if (node.display?.output !== 'remove') out.push(...state.blocks(node))
  return out
}
