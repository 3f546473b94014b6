import type {NotebookRawCell} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {htmlContent} from './html-output.js'
import {listing} from './shared.js'

/**
 * `notebookRawCell` → as the website shows it: `text/html` as HTML (a table,
 * or a package), no format or `text/plain` as a `ComputerDisplay`; other
 * formats (LaTeX, reST…) are left out, as on the website (which reports it).
 */
export function notebookRawCellHandler(state: State, node: NotebookRawCell): XmlNode[] {
  const format = typeof node.format === 'string' ? node.format.trim().toLowerCase() : ''
  const value = typeof node.value === 'string' ? node.value : ''
  if (!value.trim()) return []
  if (format === 'text/html') return htmlContent(state, value, node, `The raw HTML cell ${node.index + 1}`)
  if (format === '' || format === 'text/plain' || format === 'text/markdown') return [listing(state, 'ComputerDisplay', value, node)]
  return []
}
