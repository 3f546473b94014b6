import type {Root, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import type {CellData} from '../../pipeline/types.js'
import {codeCell, markdownCell, rawCell, type CellContext} from './cells.js'
import {readCellFrontmatter} from './frontmatter.js'
import {asArray, isRecord, joinText} from './json-values.js'

/** The tree of a notebook and the front matter of its first Markdown cell. */
export interface NotebookTree {
  tree: Root
  frontmatter: Record<string, unknown>
}

/**
 * Build the mdast tree of a notebook's `cells`: one node per Markdown, code
 * or raw cell, in order; cells of other types and malformed entries are left
 * out. A YAML block opening the first Markdown cell is taken out as front
 * matter (and the cell dropped when nothing else is in it). Every node of a
 * cell's subtree gets `data.cell`, the 0-based cell index, so later stages
 * can name the cell in diagnostics.
 */
export function buildNotebookTree(cells: unknown, context: CellContext): NotebookTree {
  const children: RootContent[] = []
  let frontmatter: Record<string, unknown> = {}
  let seenMarkdown = false
  asArray(cells).forEach((cell, index) => {
    if (!isRecord(cell)) return
    let node: RootContent
    if (cell.cell_type === 'markdown') {
      let source = joinText(cell.source)
      if (!seenMarkdown) {
        seenMarkdown = true
        const found = readCellFrontmatter(source, context.file, index)
        if (found) {
          frontmatter = found.data
          source = found.body
          if (source.trim() === '') return
        }
      }
      node = markdownCell(cell, index, source, context)
    } else if (cell.cell_type === 'code') {
      node = codeCell(cell, index, context)
    } else if (cell.cell_type === 'raw') {
      node = rawCell(cell, index)
    } else {
      return
    }
    markCell(node, index)
    children.push(node)
  })
  return {tree: {type: 'root', children}, frontmatter}
}

/** Set `data.cell` on a node and all its descendants. */
function markCell(node: RootContent, cell: number): void {
  visit(node, descendant => {
    const data: CellData = descendant.data ?? {}
    data.cell = cell
    descendant.data = data
  })
}
