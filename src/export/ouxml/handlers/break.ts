import type {XmlNode} from '../types.js'

/** `break` (a hard line break) → `br`. */
export function breakHandler(): XmlNode[] {
  return [{type: 'element', name: 'br'}]
}
