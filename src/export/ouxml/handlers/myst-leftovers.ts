import type {MystDirective, MystRole} from '../../../pipeline/types.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {listing, text} from './shared.js'

/**
 * MyST syntax no transform turned into something else (the leftovers step
 * normally has, and reported it): a `mystDirective` → its content, or its
 * raw body as a `ProgramListing` when it has no Markdown content.
 */
export function mystDirectiveHandler(state: State, node: MystDirective): XmlNode[] {
  if (Array.isArray(node.children) && node.children.length > 0) return state.blocks(node)
  return typeof node.value === 'string' && node.value.trim() ? [listing(state, 'ProgramListing', node.value, node)] : []
}

/** A `mystRole` → `sub`/`sup` for the `sub` and `sup` roles (which the MyST transform leaves for the renderers); any other → its text. */
export function mystRoleHandler(state: State, node: MystRole): XmlNode[] {
  const content = text(state.text(typeof node.value === 'string' ? node.value : '', node))
  if (node.name !== 'sub' && node.name !== 'sup') return content
  return [state.element(node.name, {}, content)]
}
