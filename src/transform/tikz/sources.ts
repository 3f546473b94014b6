import type {Code, Root} from 'mdast'
import {visit} from '../../pipeline/visit.js'
import type {VFile} from 'vfile'
import type {NotebookCodeCell} from '../../pipeline/types.js'
import {isTikzFence, parseFence, describedIn, type Description} from './fence.js'
import {parseMagicCell, type Dialect, type MagicSetting} from './magic.js'
import type {TikzSpec} from './spec.js'

/** A diagram found on the page, with what is needed to replace it and to place its messages. */
export type Found =
  | (Description & {kind: 'fence'; node: Code; parent: {children: unknown[]}; index: number; spec: TikzSpec; sourceLine: number; unknown: string[]})
  | (Description & {kind: 'cell'; node: NotebookCodeCell; spec: TikzSpec; sourceLine: number; dialect: Dialect; assumed?: string; unknown: string[]})
  | {kind: 'skip'; node: NotebookCodeCell; dialect: Dialect; reason: string}

/**
 * Every TikZ diagram of a page in document order: ```` ```tikz ```` fences
 * (in pages, Markdown cells and Markdown outputs) and code cells opening with
 * a TikZ magic. A cell whose output was removed by its tags is left alone; a
 * cell whose input was removed is read from the notebook as saved.
 */
export function findDiagrams(tree: Root, file: VFile, magic: MagicSetting): Found[] {
  const found: Found[] = []
  visit(tree, (node, index, parent) => {
    if (node.type === 'code' && isTikzFence(node.lang) && parent && index !== undefined) {
      const fence = parseFence(node.value, node.meta)
      found.push({...fence, kind: 'fence', node, parent, index})
    } else if (node.type === 'notebookCodeCell' && node.display?.output !== 'remove') {
      const source = node.display?.input === 'remove' ? savedSource(file, node.index) : node.source
      const cell = parseMagicCell(source, magic)
      if (cell.kind === 'skip') found.push({kind: 'skip', node, dialect: cell.dialect, reason: cell.reason})
      else if (cell.kind === 'diagram') {
        const {kind: _, ...rest} = cell
        found.push({...rest, ...describedIn(cell.spec.source), kind: 'cell', node})
      }
    }
  })
  return found
}

// cell-tags empties the source of a `remove-input` cell; the notebook as read still has it.
function savedSource(file: VFile, index: number): string {
  const cells = (file.data.coursebook?.notebook as {cells?: Array<{source?: unknown}>} | undefined)?.cells
  const source = cells?.[index]?.source
  return Array.isArray(source) ? source.join('') : typeof source === 'string' ? source : ''
}
