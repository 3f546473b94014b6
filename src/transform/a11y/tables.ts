import type {Table} from 'mdast'
import type {VFile} from 'vfile'
import {toString} from 'mdast-util-to-string'
import {emit} from '../../diagnostics/message.js'

/**
 * Report a Markdown table whose header row is empty (`table-header-missing`):
 * GFM requires the row, and authors who want none leave its cells blank, which
 * leaves a screen reader nothing to name the columns by.
 */
export function checkMarkdownTable(file: VFile, table: Table): void {
  const header = table.children[0]
  if (header && header.children.every((cell) => toString(cell).trim() === '')) {
    emit(file, 'table-header-missing', 'The table\'s header row is empty, so its columns have no names', {node: table, stage: 'a11y'})
  }
}
