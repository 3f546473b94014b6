import GithubSlugger from 'github-slugger'
import {visit} from '../pipeline/visit.js'
import {toString} from 'mdast-util-to-string'
import type {Root, Heading, Parent} from 'mdast'
import type {} from 'mdast-util-to-hast'

const RESERVED_IDS = ['main', 'top', 'content', 'toc', 'nav']

export interface HeadingsResult {
  /** Text of the leading level-1 heading, which was removed from the tree (the layout shows the title). */
  title?: string
  /** Level-2 and level-3 headings with their ids, for the in-page table of contents. */
  headings: Array<{depth: number; id: string; text: string}>
}

/**
 * Give every heading a stable id (GitHub's slug rules, unique per page; a
 * heading right after a MyST target `(label)=` takes the label), take
 * a leading `#` heading out of the body as the page title (unless the front
 * matter gives a different `title`), and list the headings for the table of
 * contents.
 */
export function headingsTransform(tree: Root, options: {title?: string} = {}): HeadingsResult {
  const result: HeadingsResult = {headings: []}
  const leading = leadingHeading(tree)
  const text = leading?.heading.depth === 1 ? toString(leading.heading).trim() : undefined
  // A front matter title that says something else leaves the heading in the body, where the author put it.
  if (leading && text !== undefined && (options.title === undefined || options.title.trim() === text)) {
    result.title = text || undefined
    leading.parent.children.splice(leading.parent.children.indexOf(leading.heading), 1)
    if (leading.parent !== tree && leading.parent.children.length === 0) tree.children.splice(tree.children.indexOf(leading.parent as never), 1)
  }
  const slugger = new GithubSlugger()
  // Ids the layout itself uses; a heading called "Main" must not take them.
  for (const reserved of RESERVED_IDS) slugger.slug(reserved)
  // Target labels are ids too: a heading's slug must not take one.
  visit(tree, 'mystTarget', (node) => void slugger.slug(node.label))
  visit(tree, 'heading', (node: Heading, index, parent) => {
    const text = toString(node).trim()
    const id = targetLabel(parent, index) ?? slugger.slug(text || 'section')
    node.data = {...node.data, hProperties: {...node.data?.hProperties, id}}
    if (node.depth === 2 || node.depth === 3) result.headings.push({depth: node.depth, id, text})
  })
  return result
}

/** The first block of the page, or of its first notebook Markdown cell, when it is a heading (MyST targets before it aside). */
function leadingHeading(tree: Root): {heading: Heading; parent: Parent} | undefined {
  const first = tree.children.find((node) => node.type !== 'mystTarget')
  if (first?.type === 'heading') return {heading: first, parent: tree}
  const inCell = first?.type === 'notebookMarkdownCell' ? first.children.find((node) => node.type !== 'mystTarget') : undefined
  if (first?.type === 'notebookMarkdownCell' && inCell?.type === 'heading') return {heading: inCell, parent: first}
  return undefined
}

/** The label of the MyST target right before a heading (the nearest of several), when it can be an id. */
function targetLabel(parent: Parent | undefined, index: number | undefined): string | undefined {
  const before = parent && index !== undefined ? parent.children[index - 1] : undefined
  return before?.type === 'mystTarget' && /^\S+$/.test(before.label) ? before.label : undefined
}
