import type {Element, ElementContent} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {NotebookCodeCell} from '../../../pipeline/types.js'
import {asString, cellId, childrenOf, collapsed, prompt} from './shared.js'

/**
 * `notebookCodeCell` → `<div class="cell cell-code" id="cell-N" data-language>`
 * holding `<div class="cell-input">` (prompt plus the highlighted HTML, or a
 * plain `<pre><code class="language-X">`) and `<div class="cell-outputs">`
 * (one element per output; left out when there are none). `display` decides
 * what is collapsed behind "Show code" / "Show output" / "Show cell" and what
 * is left out.
 */
export function codeCellHandler(state: State, node: NotebookCodeCell): Element {
  const display = node.display
  const language = asString(node.language).trim()
  const parts: ElementContent[] = []

  if (display?.input !== 'remove') {
    const input = h('div', {className: ['cell-input']}, [prompt(node.executionCount), code(node, language)])
    parts.push(display?.input === 'hide' ? collapsed('Show code', [input]) : input)
  }

  const outputs = display?.output === 'remove' ? [] : childrenOf(state, node)
  if (outputs.length > 0) {
    const container = h('div', {className: ['cell-outputs']}, state.wrap(outputs, true))
    parts.push(display?.output === 'hide' ? collapsed('Show output', [container]) : container)
  }

  const cell = h(
    'div',
    {className: ['cell', 'cell-code'], id: cellId(node), dataLanguage: language || undefined},
    state.wrap(parts, true),
  )
  state.patch(node, cell)
  return display?.cell === 'hide' ? collapsed('Show cell', [cell]) : cell
}

function code(node: NotebookCodeCell, language: string): ElementContent {
  const highlighted = asString(node.highlighted)
  if (highlighted) return {type: 'raw', value: highlighted}
  const className = language ? [`language-${language.replace(/\s+/g, '-')}`] : undefined
  return h('pre', [h('code', {className}, asString(node.source))])
}
