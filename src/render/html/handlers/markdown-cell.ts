import type {Element} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {NotebookMarkdownCell} from '../../../pipeline/types.js'
import {cellId, childrenOf, collapsed} from './shared.js'

/**
 * `notebookMarkdownCell` → `<div class="cell cell-markdown" id="cell-N">` with
 * the cell's Markdown inside. A cell marked `hide` (hide-cell, or hide-input,
 * which Jupyter Book also applies to Markdown) is collapsed behind
 * "Show content".
 */
export function markdownCellHandler(state: State, node: NotebookMarkdownCell): Element {
  const cell = h('div', {className: ['cell', 'cell-markdown'], id: cellId(node)}, state.wrap(childrenOf(state, node), true))
  state.patch(node, cell)
  const display = node.display
  if (display?.cell === 'hide' || display?.input === 'hide') return collapsed('Show content', [cell])
  return cell
}
