import type {Parents} from 'mdast'
import type {CellData, NotebookOutput, RichOutput} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {htmlContent} from './html-output.js'
import {figure} from './image.js'
import {listing, stripAnsi, text} from './shared.js'

const WIDGET = 'application/vnd.jupyter.widget-view+json'

/**
 * `notebookOutput` → streams, errors (ANSI codes removed), `text/plain` and
 * JSON as `ComputerDisplay`; images as a `Figure` of the file the outputs
 * transform wrote; `text/markdown` and `text/latex` as their parsed content
 * (equations as `Equation`); HTML as a table or an HTML5 package (see
 * `htmlContent`); a widget as a paragraph asking the reader to run it.
 */
export function notebookOutputHandler(state: State, node: NotebookOutput, parent: Parents | undefined): XmlNode[] {
  if (node.outputType === 'stream') return display(state, node.value, node)
  if (node.outputType === 'error') {
    const value = typeof node.value === 'string' && node.value.trim() ? node.value : [node.ename, node.evalue].filter(Boolean).join(': ')
    return display(state, value, node)
  }
  if (node.outputType === 'execute_result' || node.outputType === 'display_data') return rich(state, node, parent)
  return []
}

function rich(state: State, node: RichOutput, parent: Parents | undefined): XmlNode[] {
  const mime = typeof node.mime === 'string' ? node.mime.split(';')[0]!.trim().toLowerCase() : ''
  const value = typeof node.value === 'string' ? node.value : ''
  const cell = (parent && 'index' in parent && typeof parent.index === 'number' ? parent.index : (node.data as CellData | undefined)?.cell ?? 0) + 1
  if (mime.startsWith('image/')) {
    const url = typeof node.url === 'string' ? node.url : ''
    const alt = typeof node.metadata?.alt === 'string' ? node.metadata.alt : `Output of cell ${cell}`
    const result = url ? figure(state, {url, alt}, node) : []
    if (result.length === 0) state.warn('ouxml-unmapped', `An image output of cell ${cell} could not be read, so it is not in the OU-XML`, node)
    return result
  }
  if (mime === 'text/html') return htmlContent(state, value, node, `The HTML output of cell ${cell}`)
  if (mime === 'text/markdown' || mime === 'text/latex') {
    const content = Array.isArray(node.children) && node.children.length > 0 ? state.blocks(node) : []
    return content.length > 0 ? content : display(state, value, node)
  }
  if (mime === WIDGET) return [state.element('Paragraph', {}, text('Interactive output: run this notebook to see it.'), node)]
  return display(state, value, node)
}

function display(state: State, value: unknown, node: NotebookOutput): XmlNode[] {
  const clean = stripAnsi(typeof value === 'string' ? value : '')
  return clean.trim() ? [listing(state, 'ComputerDisplay', clean, node)] : []
}
