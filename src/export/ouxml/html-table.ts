import {decodeEntities, stripTags} from './html-text.js'

/** A cell of an HTML table as text, with its span. */
export interface HtmlCell {
  header: boolean
  text: string
  colspan?: number
  rowspan?: number
}

/** An HTML table read as rows of text cells, with its caption and the text around it. */
export interface HtmlTable {
  caption: string
  rows: HtmlCell[][]
  /** Text outside the table (pandas adds `5 rows × 3 columns` after a truncated frame). */
  notes: string[]
}

// Elements that make an output more than a table: it is packaged whole instead.
const RICH = /<(script|iframe|img|svg|canvas|video|audio|input|button|select|textarea|form|object|embed|math)\b/i
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g

/**
 * Read an HTML output as one table (a pandas DataFrame, a Styler), or
 * undefined when it is anything else: no table, more than one, or content a
 * table cannot hold. Inline markup in cells is reduced to its text.
 */
export function readHtmlTable(html: string): HtmlTable | undefined {
  const source = html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '')
  if (RICH.test(source)) return undefined
  const tables = source.match(/<table\b/gi) ?? []
  if (tables.length !== 1) return undefined
  const start = source.search(/<table\b/i)
  const endMatch = /<\/table\s*>/i.exec(source.slice(start))
  if (!endMatch) return undefined
  const end = start + endMatch.index + endMatch[0].length
  const notes = [source.slice(0, start), source.slice(end)].map(textOf).filter(Boolean)
  const table = readRows(source.slice(start, end))
  return table.rows.length > 0 ? {...table, notes} : undefined
}

function readRows(html: string): {caption: string; rows: HtmlCell[][]} {
  const rows: HtmlCell[][] = []
  let row: HtmlCell[] | undefined
  let cell: {header: boolean; attrs: string; html: string} | undefined
  let caption = ''
  let inCaption = false
  const closeCell = () => {
    if (cell && row) row.push({header: cell.header, text: textOf(cell.html), colspan: span(cell.attrs, 'colspan'), rowspan: span(cell.attrs, 'rowspan')})
    cell = undefined
  }
  const closeRow = () => {
    closeCell()
    if (row && row.length > 0) rows.push(row)
    row = undefined
  }
  for (const [whole, closing, rawName, attrs] of html.matchAll(TOKEN)) {
    const name = rawName?.toLowerCase()
    if (name === 'caption') inCaption = !closing
    else if (inCaption) caption += whole
    else if (name === 'tr') {
      closeRow()
      if (!closing) row = []
    } else if (name === 'th' || name === 'td') {
      closeCell()
      if (!closing) {
        row ??= []
        cell = {header: name === 'th', attrs: attrs ?? '', html: ''}
      }
    } else if (name === 'table' && closing) closeRow()
    else if (cell) cell.html += whole
  }
  closeRow()
  return {caption: textOf(caption), rows}
}

function span(attrs: string, name: string): number | undefined {
  const value = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs)?.[1]
  const n = value === undefined ? NaN : Number(value)
  return Number.isInteger(n) && n > 1 ? n : undefined
}

function textOf(html: string): string {
  return decodeEntities(stripTags(html)).replace(/\s+/g, ' ').trim()
}
