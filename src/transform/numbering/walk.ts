import type {Parents, RootContent} from 'mdast'

/**
 * What a visitor does with a node: nothing (`undefined`: its children are
 * walked next), or replace it in its parent by `nodes` (which are not walked).
 */
export type Visit = RootContent[] | undefined

/**
 * Walk a tree in reading order (preorder), calling `visit` on every node
 * below `parent`. A plain loop rather than unist-util-visit: the numbering
 * transform walks every page, and this keeps it to one cheap pass.
 */
export function walk(parent: Parents, visit: (node: RootContent, parent: Parents) => Visit): void {
  const children = parent.children as RootContent[]
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!
    const replacement = visit(node, parent)
    if (replacement) {
      children.splice(i, 1, ...replacement)
      i += replacement.length - 1
      continue
    }
    if (Array.isArray((node as {children?: unknown}).children)) walk(node as Parents, visit)
  }
}

