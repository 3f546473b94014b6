import type {Nodes} from 'mdast'
import type {State} from '../state.js'
import type {XmlElement} from '../types.js'
import {readHtmlTable, type HtmlTable} from '../html-table.js'
import {pageAssetPath} from '../../../pipeline/asset-path.js'
import {packageUrl, text} from './shared.js'

/** Height of an HTML5 package in the VLE; the width follows the page (`*`). */
const PACKAGE_HEIGHT = '400'

/**
 * HTML from a notebook (an output, a raw HTML cell): a single table (a
 * pandas DataFrame) → an OU `Table`, with any note beside it as a paragraph;
 * anything else → `MediaContent type="html5"` whose `src` is a zip holding
 * the HTML as `index.html` (named by its content, so the name is stable),
 * or, with `ouxml.htmlOutputs: 'omit'`, nothing but a diagnostic.
 */
export function htmlContent(state: State, html: string, from: Nodes, label: string): XmlElement[] {
  const table = readHtmlTable(html)
  if (table) return tableElements(state, table, from)
  if (state.options.htmlOutputs === 'omit') {
    state.warn('ouxml-html-omitted', `${label} was left out of the OU-XML (ouxml.htmlOutputs is 'omit')`, from)
    return []
  }
  const {outPath} = pageAssetPath(state.page.outPath, new TextEncoder().encode(html), 'zip')
  if (!state.packages.some((p) => p.path === outPath)) state.packages.push({path: outPath, html: state.text(html, from), title: label})
  const src = packageUrl(state.options.mediaPathPrefix, outPath)
  return [state.element('MediaContent', {type: 'html5', src, width: '*', height: PACKAGE_HEIGHT}, [], from)]
}

function tableElements(state: State, table: HtmlTable, from: Nodes): XmlElement[] {
  const rows = table.rows.map((row) =>
    state.element(
      'tr',
      {},
      row.map((cell) => {
        const content = state.text(cell.text, from)
        const attributes = {colspan: cell.colspan?.toString(), rowspan: cell.rowspan?.toString()}
        return state.element(cell.header ? 'th' : 'td', attributes, content ? [state.element('Paragraph', {}, text(content))] : [])
      }),
    ),
  )
  const head = state.element('TableHead', {}, text(state.text(table.caption, from)))
  const notes = table.notes.map((note) => state.element('Paragraph', {}, text(state.text(note, from)), from))
  return [state.element('Table', {}, [head, state.element('tbody', {}, rows)], from), ...notes]
}
