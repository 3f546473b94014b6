import type {Nodes, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {MystDirective} from '../../../src/pipeline/types.js'

/** Every node of `type` in the tree, in document order. */
export function nodesOf<T extends Nodes['type']>(tree: Root | Nodes, type: T): Array<Extract<Nodes, {type: T}>> {
  const found: Array<Extract<Nodes, {type: T}>> = []
  visit(tree, type, (node) => {
    found.push(node as Extract<Nodes, {type: T}>)
  })
  return found
}

/** The directives of a tree, outermost first. */
export function directivesOf(tree: Root | Nodes): MystDirective[] {
  return nodesOf(tree, 'mystDirective')
}

/** `line:column` of a node's start. */
export function startOf(node: Nodes): string {
  return `${node.position?.start.line}:${node.position?.start.column}`
}
