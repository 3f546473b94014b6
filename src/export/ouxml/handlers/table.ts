import type {AlignType, Table, TableCell} from 'mdast'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'

const HEAD_CLASS: Record<string, string> = {left: 'ColumnHeadLeft', center: 'ColumnHeadCentered', right: 'ColumnHeadRight'}
const CELL_CLASS: Record<string, string> = {left: 'TableLeft', center: 'TableCentered', right: 'TableRight'}

/**
 * `table` (GFM) → `Table` with an empty `TableHead` (Markdown tables have no
 * caption) and a `tbody` whose first row is `th` cells and the rest `td`;
 * column alignment becomes the cell `class`. Cell content is a `Paragraph`.
 */
export function tableHandler(state: State, node: Table): XmlNode[] {
  const rows = node.children.map((row, r) =>
    state.element('tr', {}, row.children.map((cell, c) => tableCell(state, cell, r === 0, node.align?.[c] ?? null))),
  )
  return [state.element('Table', {}, [state.element('TableHead', {}), state.element('tbody', {}, rows)], node)]
}

function tableCell(state: State, cell: TableCell, head: boolean, align: AlignType): XmlElement {
  const content = state.inlines(cell)
  const classes = head ? HEAD_CLASS : CELL_CLASS
  const paragraphs = content.some((n) => n.type === 'element' || n.text.trim()) ? [state.element('Paragraph', {}, content)] : []
  return state.element(head ? 'th' : 'td', {class: align ? classes[align] : undefined}, paragraphs)
}
