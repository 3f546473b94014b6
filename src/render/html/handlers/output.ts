import type {Element, ElementContent, Properties} from 'hast'
import type {Parents} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {NotebookOutput, RichOutput} from '../../../pipeline/types.js'
import {ansiToHast, ansiToText} from '../ansi.js'
import {richOutputContent} from './rich-output.js'
import {asString, cellNumber, prompt} from './shared.js'

/**
 * `notebookOutput` → `<div class="output output-<kind>">`: a stream becomes
 * `<pre class="output-stream output-stdout|output-stderr">`, an error
 * `<pre class="output-error">` in a group labelled with its name (both with
 * ANSI colours as spans), and an `execute_result` / `display_data` is
 * rendered by MIME type (see `richOutputContent`); an `execute_result` with an
 * execution count is preceded by an `[N]:` prompt. Unknown output types
 * render nothing.
 */
export function outputHandler(state: State, node: NotebookOutput, parent: Parents | undefined): Element | undefined {
  let result: Element | undefined
  switch (node.outputType) {
    case 'stream': {
      const name = node.name === 'stderr' ? 'stderr' : 'stdout'
      const pre = h('pre', {className: ['output-stream', `output-${name}`]}, ansiToHast(asString(node.value)))
      result = outputDiv('stream', [pre])
      break
    }
    case 'error': {
      const ename = ansiToText(asString(node.ename)).trim()
      const pre = h('pre', {className: ['output-error']}, ansiToHast(errorText(node.value, ename, node.evalue)))
      result = outputDiv('error', [pre], {role: 'group', ariaLabel: ename ? `Error: ${ename}` : 'Error'})
      break
    }
    case 'execute_result':
    case 'display_data': {
      const {kind, content, properties} = richOutputContent(state, node, cellNumber(parent) ?? cellNumber(node))
      const count = node.outputType === 'execute_result' ? executionCount(node, parent) : undefined
      const head = count === undefined ? [] : [prompt(count, ['prompt', 'prompt-output'])]
      result = outputDiv(kind, [...head, ...content], properties)
      break
    }
    default:
      return undefined
  }
  state.patch(node, result)
  return result
}

function outputDiv(kind: string, content: ElementContent[], properties: Properties = {}): Element {
  return h('div', {className: ['output', `output-${kind}`], ...properties}, content)
}

// Some kernels save an error with an empty traceback; the name and value still say what went wrong.
function errorText(traceback: unknown, ename: string, evalue: unknown): string {
  const text = asString(traceback)
  if (text.trim() !== '') return text
  const value = asString(evalue)
  return ename && value ? `${ename}: ${value}` : ename || value
}

function executionCount(node: RichOutput, parent: Parents | undefined): number | undefined {
  const own = node.executionCount
  if (typeof own === 'number' && Number.isFinite(own)) return own
  const fromCell = parent?.type === 'notebookCodeCell' ? parent.executionCount : undefined
  return typeof fromCell === 'number' && Number.isFinite(fromCell) ? fromCell : undefined
}
