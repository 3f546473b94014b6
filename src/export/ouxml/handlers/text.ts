import type {Text} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {text} from './shared.js'

/** `text` → text, with the characters XML 1.0 forbids dropped (and reported). */
export function textHandler(state: State, node: Text): XmlNode[] {
  return text(state.text(node.value, node))
}
