import type {Root} from 'mdast'
import type {Node} from 'unist'

// A word is a run of letters or digits, with inner apostrophes, hyphens or points (`don't`, `mass-spring`, `np.fft`).
const WORD = /[\p{L}\p{N}]+(?:['’.\-_][\p{L}\p{N}]+)*/gu

/** Node types whose text the author did not write or that are not words: outputs, front matter, maths, raw HTML. */
const SKIPPED = new Set(['notebookOutput', 'yaml', 'toml', 'math', 'inlineMath', 'html', 'notebookRawCell'])

/**
 * The number of words an author wrote on a page: the prose (text of every
 * Markdown node, cell and directive body) and the code (fenced code, inline
 * code, code cells), but not notebook outputs, front matter, raw HTML or
 * maths. Run on the tree as parsed, before transforms add generated text.
 */
export function countWords(tree: Root): number {
  let count = 0
  const walk = (node: Node) => {
    if (SKIPPED.has(node.type)) return
    if (node.type === 'notebookCodeCell') count += wordsIn((node as unknown as {source: string}).source)
    else if ('value' in node && typeof node.value === 'string' && !('children' in node)) count += wordsIn(node.value)
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) walk(child)
  }
  walk(tree)
  return count
}

/** Words in a piece of text, as `countWords` counts them. */
export function wordsIn(text: string): number {
  return text.match(WORD)?.length ?? 0
}
