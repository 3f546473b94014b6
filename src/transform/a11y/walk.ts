import type {Root, RootContent, Parent} from 'mdast'

/** Subtrees the author did not write: notebook outputs and raw cells are whatever the code or the format produced. */
const NOT_AUTHORED = new Set(['notebookOutput', 'notebookRawCell'])

/**
 * Visit every node of the authored content in document order (depth first),
 * with its parent, leaving out notebook outputs and raw cells.
 */
export function walkAuthored(tree: Root, visitor: (node: RootContent, parent: Parent) => void): void {
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (NOT_AUTHORED.has(child.type)) continue
      visitor(child, parent)
      if ('children' in child && Array.isArray(child.children)) walk(child as Parent)
    }
  }
  walk(tree)
}
