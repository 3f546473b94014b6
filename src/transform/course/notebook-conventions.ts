import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {CourseActivity, CourseReveal, NotebookCodeCell, NotebookMarkdownCell, NotebookRawCell} from '../../pipeline/types.js'
import type {CourseBox} from './nodes.js'
import {cellRole, type CellRole} from './cell-roles.js'

type Cell = NotebookMarkdownCell | NotebookCodeCell | NotebookRawCell

/**
 * Group a notebook's marked cells (see `cell-roles.ts`) into course
 * constructs. Consecutive activity cells make one activity; the answer,
 * solution, student and tutor cells right after it join it (consecutive
 * cells of one role share one reveal or box). Marked cells elsewhere make a
 * reveal or a box of their own; warning cells a warning box. The cells
 * themselves are kept inside, so they render as cells.
 */
export function notebookConventionsTransform(tree: Root): void {
  const out: RootContent[] = []
  const children = tree.children
  let i = 0
  const run = (role: CellRole): Cell[] => {
    const cells: Cell[] = []
    while (i < children.length && roleOf(children[i]) === role) cells.push(children[i++] as Cell)
    return cells
  }
  while (i < children.length) {
    const role = roleOf(children[i]!)
    if (!role) {
      out.push(children[i++]!)
      continue
    }
    if (role !== 'activity') {
      out.push(wrap(role, run(role)))
      continue
    }
    const activity: CourseActivity = {type: 'courseActivity', kind: 'activity', children: run('activity').map((cell) => unwrapOwn(cell, 'courseActivity', 'activity'))}
    activity.data = {cell: (activity.children[0] as Cell).index}
    const title = leadingTitle(activity.children[0] as Cell)
    if (title) activity.title = title
    for (let next = roleOf(children[i]); next && next !== 'activity' && next !== 'warning'; next = roleOf(children[i])) {
      activity.children.push(wrap(next, run(next)))
    }
    out.push(activity)
  }
  tree.children = out
}

function roleOf(node: RootContent | undefined): CellRole | undefined {
  if (!node || (node.type !== 'notebookMarkdownCell' && node.type !== 'notebookCodeCell' && node.type !== 'notebookRawCell')) return undefined
  return cellRole(node.tags, 'flags' in node ? node.flags : undefined)
}

/**
 * A cell marked as a construct whose whole content is already that
 * construct (an alert block in a tagged cell) keeps the content only, so
 * the construct is not nested in itself.
 */
function unwrapOwn(cell: Cell, type: 'courseActivity' | 'courseReveal' | 'courseBox', kind: string): Cell {
  if (cell.type !== 'notebookMarkdownCell' || cell.children.length !== 1) return cell
  const only = cell.children[0]!
  return only.type === type && only.kind === kind ? {...cell, children: only.children as RootContent[]} : cell
}

const ACTIVITY_HEADING = /^(activity|exercise|question|task|saq|itq)\b/i

/**
 * The title of a notebook activity: a heading opening its first cell that
 * names it ("Activity 1: the time to fall"), taken out of the cell so it is
 * not shown twice.
 */
function leadingTitle(cell: Cell | undefined): string | undefined {
  if (cell?.type !== 'notebookMarkdownCell') return undefined
  const first = cell.children[0]
  if (first?.type !== 'heading') return undefined
  const title = toString(first).trim()
  if (!ACTIVITY_HEADING.test(title)) return undefined
  cell.children.shift()
  return title
}

function wrap(role: Exclude<CellRole, 'activity'>, cells: Cell[]): CourseReveal | CourseBox {
  const type = role === 'answer' || role === 'solution' ? 'courseReveal' : 'courseBox'
  cells = cells.map((cell) => unwrapOwn(cell, type, role))
  const data = {cell: cells[0]!.index}
  switch (role) {
    case 'answer':
      return {type: 'courseReveal', kind: 'answer', children: cells, data}
    case 'solution':
      return {type: 'courseReveal', kind: 'solution', audience: 'tutor', children: cells, data}
    case 'tutor':
      return {type: 'courseBox', kind: 'tutor', audience: 'tutor', children: cells, data}
    case 'student':
    case 'warning':
      return {type: 'courseBox', kind: role, children: cells, data}
  }
}
