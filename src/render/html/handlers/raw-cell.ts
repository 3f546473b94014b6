import type {Element} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import {emit} from '../../../diagnostics/message.js'
import type {NotebookRawCell} from '../../../pipeline/types.js'
import {asString, cellId} from './shared.js'

// Formats shown as preformatted text; `text/markdown` normally never gets here
// because the parser turns such cells into Markdown.
const TEXT_FORMATS = new Set(['', 'text/plain', 'text/markdown'])

/**
 * `notebookRawCell` → `<div class="cell cell-raw" id="cell-N">`: `text/html`
 * is passed through as raw HTML, no format (or plain text) becomes
 * `<pre class="raw-cell">`, and any other format (LaTeX, reST, Python…) is
 * left out of the page with a `raw-cell-skipped` note when a file is known.
 */
export function rawCellHandler(state: State, node: NotebookRawCell): Element | undefined {
  const format = asString(node.format).trim().toLowerCase()
  const value = asString(node.value)
  const properties = {className: ['cell', 'cell-raw'], id: cellId(node)}
  let cell: Element
  if (format === 'text/html') {
    cell = h('div', properties, [{type: 'raw', value}])
  } else if (TEXT_FORMATS.has(format)) {
    cell = h('div', properties, [h('pre', {className: ['raw-cell']}, value)])
  } else {
    if (state.options.file) {
      emit(state.options.file, 'raw-cell-skipped', `Raw cell in format \`${format}\` is not shown in HTML`, {node, stage: 'render'})
    }
    return undefined
  }
  state.patch(node, cell)
  return cell
}
