import type {ListItem, PhrasingContent, RootContent, Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {CourseFigure, MystDirective} from '../../pipeline/types.js'
import {frameFigure, origin, parseInline, report, type DirectiveHandler, type MystContext} from './context.js'

/**
 * `{table} Caption` around a Markdown table: a `courseFigure` of kind
 * `table` (`:name:` labels it; `:width:`, `:align:`, `:class:` as for figures).
 */
export const tableDirective: DirectiveHandler = (directive, context) => [tableFigure(directive.children, directive, context)]

/**
 * `{list-table} Caption`: a table written as a list of rows, each a list of
 * cells, as a `courseFigure` holding an mdast `table`. `:header-rows:` says
 * how many rows are headings (Markdown tables have exactly one; other
 * counts are honoured on the website), `:widths:` gives relative column
 * widths.
 */
export const listTableDirective: DirectiveHandler = (directive, context) => {
  const list = directive.children.find((child) => child.type === 'list')
  if (!list) {
    report(context, 'directive-option-invalid', '{list-table} needs a bulleted list of rows, each a bulleted list of cells; its content is shown as it is', directive)
    return directive.children
  }
  const rows: TableRow[] = list.children.map((item) => ({type: 'tableRow', children: rowCells(item), ...(item.position && {position: item.position})}))
  const columns = Math.max(1, ...rows.map((row) => row.children.length))
  const table: Table = {type: 'table', align: Array.from({length: columns}, () => null), children: rows, ...origin(directive)}
  markHeaderRows(rows, headerRows(directive, context))
  markWidths(rows[0], directive.options.widths)
  return [tableFigure([table], directive, context)]
}

function tableFigure(children: RootContent[], directive: MystDirective, context: MystContext): CourseFigure {
  const figure: CourseFigure = {type: 'courseFigure', kind: 'table', caption: parseInline(directive.args, directive, context), children, ...origin(directive)}
  return frameFigure(figure, directive, context, 'width')
}

/** The cells of a list-table row: the items of the list inside it. */
function rowCells(item: ListItem): TableCell[] {
  const inner = item.children.find((child) => child.type === 'list')
  const cells = inner ? inner.children : [item]
  return cells.map((cell) => ({type: 'tableCell', children: cellContent(cell.children), ...(cell.position && {position: cell.position})}))
}

/** Block content as the phrasing content a table cell holds: paragraphs joined by line breaks. */
function cellContent(blocks: RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const block of blocks) {
    if (out.length > 0) out.push({type: 'break'})
    if (block.type === 'paragraph' || block.type === 'heading') out.push(...block.children)
    else if (block.type === 'code') out.push({type: 'inlineCode', value: block.value})
    else out.push({type: 'text', value: toString(block)})
  }
  return out
}

function headerRows(directive: MystDirective, context: MystContext): number {
  const value = directive.options['header-rows']?.trim()
  if (!value) return 0
  if (/^\d+$/.test(value)) return Number(value)
  report(context, 'directive-option-invalid', `The :header-rows: option of {list-table} must be a number, not "${value}"; it was ignored`, directive)
  return 0
}

/** Cells of the first `count` rows are headings (`th`), the others data (`td`); the Markdown table makes only the first row `th`. */
function markHeaderRows(rows: TableRow[], count: number): void {
  rows.forEach((row, index) => {
    const wanted = index < count ? 'th' : 'td'
    if ((index === 0) === (wanted === 'th')) return
    for (const cell of row.children) cell.data = {...cell.data, hName: wanted}
  })
}

/** `:widths: 30 70`: each column's share of the width, set on the first row's cells. */
function markWidths(row: TableRow | undefined, widths: string | undefined): void {
  const numbers = (widths ?? '').split(/[\s,]+/).filter(Boolean).map(Number)
  if (!row || numbers.length === 0 || numbers.some((n) => !Number.isFinite(n) || n <= 0)) return
  const total = numbers.reduce((a, b) => a + b, 0)
  row.children.forEach((cell, index) => {
    const share = numbers[index]
    if (share === undefined) return
    cell.data = {...cell.data, hProperties: {...cell.data?.hProperties, style: `width: ${Math.round((share / total) * 1000) / 10}%`}}
  })
}
