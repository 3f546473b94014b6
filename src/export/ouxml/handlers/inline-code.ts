import type {InlineCode} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {text} from './shared.js'

/** `inlineCode` (`` `x` ``) → `ComputerCode`. */
export function inlineCodeHandler(state: State, node: InlineCode): XmlNode[] {
  return [state.element('ComputerCode', {}, text(state.text(node.value, node)))]
}
