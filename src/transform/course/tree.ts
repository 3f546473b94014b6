import type {Parent, RootContent} from 'mdast'
import type {MystDirective} from '../../pipeline/types.js'

/**
 * Tree helpers the course transforms share: a children-first rewrite, and
 * reading a directive's options.
 */

/**
 * Visit every node below `parent`, children before their parent, and put
 * what `replace` returns in the node's place: a node, several, none (`[]`),
 * or undefined to keep it. Replacements are not visited again.
 */
export function rewrite(parent: Parent, replace: (node: RootContent, parent: Parent) => RootContent | RootContent[] | undefined): void {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i] as RootContent
    if (hasChildren(child)) rewrite(child, replace)
    const out = replace(child, parent)
    if (out === undefined) continue
    const list = Array.isArray(out) ? out : [out]
    parent.children.splice(i, 1, ...(list as never[]))
    i += list.length - 1
  }
}

/** Whether a node is a parent (notebook JSON can hold anything, so the array is checked). */
export function hasChildren(node: unknown): node is Parent {
  return typeof node === 'object' && node !== null && Array.isArray((node as {children?: unknown}).children)
}

/** The first of `keys` the directive has as an option, trimmed; undefined when none is set or all are empty. */
export function option(node: MystDirective, ...keys: string[]): string | undefined {
  const options = node.options ?? {}
  for (const key of keys) {
    const value = options[key]
    if (typeof value === 'string' && value.trim()) return value.trim()
  }
  return undefined
}

/** An option value without the quotes YAML-minded authors put around it (`'0x222222'`). */
export function unquote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const match = /^(['"])([\s\S]*)\1$/.exec(value)
  return match ? match[2] : value
}

/** The fields every construct node copies from the directive it replaces: its place in the page and its cell. */
export function origin(node: MystDirective): Pick<MystDirective, 'position' | 'data'> {
  return {position: node.position, data: node.data?.cell === undefined ? undefined : {cell: node.data.cell}}
}
