import type {Root, RootContent} from 'mdast'
import {visit} from '../../pipeline/visit.js'
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
 * or raw cell, in order (a raw cell in `text/markdown` becomes a Markdown
 * cell); cells of other types and malformed entries are left out. A YAML
 * block opening the first Markdown cell is taken out as front matter (and the
 * cell dropped when nothing else is in it); the rest of that cell keeps its
 * line numbers within the cell. Every node of a cell's subtree gets
 * `data.cell`, the 0-based cell index, so later stages can name the cell in
 * diagnostics.
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
      let cellContext = context
      if (!seenMarkdown) {
        seenMarkdown = true
        const found = readCellFrontmatter(source, context.file, index)
        if (found) {
          frontmatter = found.data
          const lines = source.slice(0, source.length - found.body.length).split('\n').length - 1
          source = found.body
          if (source.trim() === '') return
          // Positions count from the cell's first line, front matter included, as Jupyter shows the cell.
          cellContext = {...context, parseMarkdown: text => shiftLines(context.parseMarkdown(text), lines)}
        }
      }
      node = markdownCell(cell, index, source, cellContext)
    } else if (cell.cell_type === 'code') {
      node = codeCell(cell, index, context)
    } else if (cell.cell_type === 'raw') {
      const raw = rawCell(cell, index)
      // A raw cell marked text/markdown is Markdown, as nbconvert and nbsphinx render it.
      node = raw.format === 'text/markdown' ? markdownCell(cell, index, raw.value, context) : raw
    } else {
      return
    }
    markCell(node, index)
    children.push(node)
  })
  return {tree: {type: 'root', children}, frontmatter}
}

/** Move the positions of parsed content down by `lines` lines. */
function shiftLines(content: RootContent[], lines: number): RootContent[] {
  const root: Root = {type: 'root', children: content}
  visit(root, node => {
    if (node.position) {
      node.position.start.line += lines
      node.position.end.line += lines
    }
  })
  return content
}

/** Set `data.cell` on a node and all its descendants. */
function markCell(node: RootContent, cell: number): void {
  visit(node, descendant => {
    const data: CellData = descendant.data ?? {}
    data.cell = cell
    descendant.data = data
  })
}
